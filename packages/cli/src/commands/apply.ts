/** `dbm apply`: the safe executor — every pending migration in its safe form, recorded in the ORM's ledger. */
import type { Argv } from 'yargs';
import { EXIT } from '../errors.js';
import { colorEnabled, painter } from '../output/color.js';
import { humanListener } from '../output/events.js';
import { databaseUrl, openProject, projectOptions, userErrors, type ProjectArgs } from './project.js';
import { settingsFor } from './settings.js';
import { formatOption, resolveFormat, type CommandModule } from './shared.js';

/** Options of the executor that apply and rollback share. */
export interface ExecArgs extends ProjectArgs {
  format?: string;
  json?: boolean;
  'lock-timeout'?: string;
  'statement-timeout'?: string;
  retries?: number;
  wait: boolean;
  'pg-version'?: number;
  verbose?: boolean;
}

/** apply's own arguments. */
export interface ApplyArgs extends ExecArgs {
  'dry-run'?: boolean;
  'as-written'?: boolean;
  'allow-hazards'?: boolean;
  to?: string;
}

/** Adds the executor options. */
export function execOptions(y: Argv): Argv {
  return projectOptions(formatOption(y, ['human', 'json']))
    // no yargs defaults for the options dbm.config can set: a flag left out must not hide the config's value
    .option('lock-timeout', { type: 'string', describe: 'lock_timeout for every step; a step that waits longer is retried with backoff (default: lockTimeout in dbm.config, else 20ms)' })
    .option('statement-timeout', { type: 'string', describe: 'statement_timeout for every step (default: statementTimeout in dbm.config)' })
    .option('retries', { type: 'number', describe: 'Attempts per step when the lock is not available, exponential backoff with jitter (default: retries in dbm.config, else 10)' })
    .option('wait', { type: 'boolean', default: true, describe: 'Wait for a concurrent dbm apply to finish (--no-wait: fail at once)' })
    .option('pg-version', { type: 'number', describe: 'Major version of the server, for the safe forms (default: pgVersion in dbm.config, else 15)' });
}

/** The executor options the arguments ask for, over the package's dbm config and the defaults. */
export async function execSettings(args: ExecArgs) {
  const core = await import('@dbm/core');
  const s = await settingsFor(args);
  return {
    lockTimeout: s.lockTimeout,
    ...(s.statementTimeout ? { statementTimeout: s.statementTimeout } : {}),
    retry: { ...core.DEFAULT_RETRY, attempts: Math.max(1, s.retries) },
    wait: args.wait,
    pgVersion: s.pgVersion,
    listener: args.json || args.format === 'json'
      ? () => undefined
      : humanListener({ color: colorEnabled(process.stderr), tty: Boolean(process.stderr.isTTY), verbose: Boolean(args.verbose) }),
  };
}

/** The executor's options for apply: the project's settings plus what the flags ask for. */
export function applyOptions<T extends object>(args: ApplyArgs, base: T) {
  return {
    ...base,
    ...(args['as-written'] ? { asWritten: true } : {}),
    ...(args['allow-hazards'] ? { allowHazards: true } : {}),
    ...(args.to ? { to: args.to } : {}),
    progress: true,
  };
}

/** Applies pending migrations (or shows the plan with --dry-run). */
export async function runApply(args: ApplyArgs): Promise<number> {
  const format = resolveFormat(args, ['human', 'json']);
  const project = await openProject(args);
  const url = databaseUrl(args, project.project);
  const core = await import('@dbm/core');
  const settings = await execSettings(args);
  const options = applyOptions(args, { url, ledger: project.ledger, sources: project.sources, ...settings });
  if (args['dry-run']) {
    const plan = await userErrors(url, () => core.dryRun(options));
    if (format === 'json') process.stdout.write(`${JSON.stringify({ dryRun: true, migrations: plan }, null, 2)}\n`);
    else process.stdout.write(renderDryRun(plan));
    return EXIT.ok;
  }
  const result = await userErrors(url, () => core.applyMigrations(options));
  if (format === 'json') process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    const n = result.applied.length + result.resumed.length;
    process.stdout.write(n ? `applied ${n} migration${n === 1 ? '' : 's'}\n` : 'nothing to apply: the database is up to date\n');
  }
  return EXIT.ok;
}

/** The plan of a dry run, as text. */
export function renderDryRun(plan: Awaited<ReturnType<typeof import('@dbm/core').dryRun>>): string {
  const paint = painter(colorEnabled());
  if (!plan.length) return 'nothing to apply: the database is up to date\n';
  const out: string[] = [];
  for (const m of plan) {
    out.push(paint('bold', `▶ ${m.name}`) + (m.kind === 'code' ? paint('dim', ' (runs through the ORM)') : ''));
    m.steps.forEach((s, i) => {
      out.push(`  step ${i + 1}/${m.steps.length} ${s.transactional ? 'in a transaction' : paint('yellow', 'outside a transaction')}: ${s.comment}`);
      for (const st of s.statements) {
        const size = !st.table ? '' : st.rows === undefined ? paint('dim', ` [${st.table}: not there yet]`) : paint('dim', ` [${st.table}: ~${st.rows} rows, ${Math.round((st.bytes ?? 0) / 1024)} kB]`);
        out.push(`    ${st.sql.split('\n')[0]}${paint('dim', `  -- lock: ${st.lock}`)}${size}`);
        if (st.warning) out.push(paint('red', `      ⚠ ${st.warning}`));
      }
    });
    for (const n of m.notes) out.push(paint('yellow', `  note: ${n}`));
  }
  return `${out.join('\n')}\n`;
}

/** The yargs command. */
export const applyCommand: CommandModule<ApplyArgs> = {
  command: 'apply',
  describe: 'Apply pending migrations safely: lock_timeout + retry, CONCURRENTLY outside transactions, resumable',
  builder: (y: Argv) =>
    execOptions(y)
      .option('dry-run', { type: 'boolean', describe: 'Show the plan, the lock each statement takes and the size of each table; change nothing' })
      .option('as-written', { type: 'boolean', describe: 'Run the migrations as written instead of their safe form' })
      .option('allow-hazards', { type: 'boolean', describe: 'Run statements that have no automatic safe form (renames, type changes, drops) without -- dbm-ignore' })
      .option('to', { type: 'string', describe: 'Apply up to and including this migration' })
      .epilog('Exit codes: 0 applied (or nothing to do), 1 a migration failed or was refused, 2 usage error.') as unknown as Argv<ApplyArgs>,
  run: runApply,
};
