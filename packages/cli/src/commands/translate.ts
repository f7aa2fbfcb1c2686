/**
 * `dbm translate --to <orm> [--out <dir>]`: the project's schema written as another ORM's project with one
 * baseline migration in that ORM's format, recorded as applied in the target ORM's ledger. The model comes
 * from the migrated database (default) or, with `--from source`, from the ORM's schema source.
 */
import type { Argv } from 'yargs';
import { EXIT, ExitError } from '../errors.js';
import { colorEnabled, painter } from '../output/color.js';
import { spinnerEnabled, withSpinner } from '../output/spinner.js';
import { databaseUrl, openProject, projectOptions, resolveProject, type ProjectArgs } from './project.js';
import { formatOption, resolveFormat, type CommandModule } from './shared.js';
import { translateMigrationCommand } from './translate-migration.js';

interface TranslateArgs extends ProjectArgs {
  to: 'prisma' | 'drizzle' | 'knex' | 'typeorm';
  out?: string;
  from?: 'database' | 'source';
  force?: boolean;
  'dry-run'?: boolean;
  'drop-old-ledger'?: boolean;
  format?: string;
  json?: boolean;
}

type Result = import('@dbm/adapters').TranslateResult;

function printHuman(r: Result, cwd: string, relative: (from: string, to: string) => string): void {
  const paint = painter(colorEnabled());
  const rel = relative(cwd, r.out);
  const out = !rel ? '.' : rel.startsWith('..') ? r.out : rel;
  const would = r.dryRun ? 'would write' : 'wrote';
  process.stdout.write(`${paint('bold', `${r.from.orm} → ${r.to}`)} ${paint('dim', `(from the ${r.from.kind === 'database' ? 'database' : "ORM's schema source"})`)}\n`);
  process.stdout.write(`${paint('green', would)} ${out}/\n${r.files.map((f) => `  ${f}\n`).join('')}`);
  if (r.excluded.length) process.stdout.write(`${paint('dim', `left out as ORM bookkeeping: ${r.excluded.join(', ')}`)}\n`);
  if (r.ledger) {
    const verb = r.dryRun ? 'would run in the database (one transaction)' : 'in the database (one transaction)';
    process.stdout.write(`${paint('bold', verb)}:\n${r.database.map((s) => `  ${s}\n`).join('')}`);
  } else {
    process.stdout.write(`${paint('yellow', 'no ledger baselined')} (--from source reads no database): record ${r.baseline.name} as applied with ${r.to}'s own tools where the schema already exists\n`);
  }
  if (r.warnings.length) {
    process.stdout.write(`\n${paint('yellow', `${r.warnings.length} warning(s)`)}: what ${r.to}'s schema source cannot express is kept as SQL in ${r.baseline.path}\n`);
    for (const w of r.warnings) process.stdout.write(`  ${paint('yellow', '!')} ${w.object}: ${w.message}\n`);
  }
}

/** Translates and reports; exit 0 when done (or planned, with --dry-run). */
export async function runTranslate(args: TranslateArgs): Promise<number> {
  const format = resolveFormat(args, ['human', 'json']);
  const { relative, resolve, join } = await import('node:path');
  const adapters = await import('@dbm/adapters');
  const core = await import('@dbm/core');
  const fromSource = args.from === 'source';
  const opened = fromSource ? undefined : await openProject(args);
  const project = opened?.project ?? (await resolveProject(args));
  const url = fromSource ? undefined : databaseUrl(args, project);
  const out = resolve(args.out ?? join(project.root, 'dbm-translated', args.to));
  let result: Result;
  try {
    result = await withSpinner(
      `translating ${project.orm} to ${args.to}`,
      () =>
        adapters.translateProject({
          project,
          from: opened && url ? { kind: 'database', url, ledger: opened.ledger, sources: opened.sources } : { kind: 'source' },
          to: args.to,
          out,
          ...(args.force ? { force: true } : {}),
          ...(args['dry-run'] ? { dryRun: true } : {}),
          ...(args['drop-old-ledger'] ? { dropOldLedger: true } : {}),
          ...(project.url.env ? { urlEnv: project.url.env } : {}),
        }),
      format !== 'json' && spinnerEnabled(),
    );
  } catch (e) {
    const message = (e as Error).message ?? String(e);
    if (e instanceof core.ConnectionError || (e as { userFacing?: boolean }).userFacing || e instanceof adapters.MigrationFolderError) {
      throw new ExitError(`dbm: ${url ? core.redactText(message, url) : message}`, EXIT.failure);
    }
    throw e;
  }
  if (format === 'json') process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else printHuman(result, process.cwd(), relative);
  return EXIT.ok;
}

/** The yargs command; `dbm translate migration <file>` is its sub-command (translate-migration.ts). */
export const translateCommand: CommandModule<TranslateArgs> = {
  command: 'translate',
  describe: "Write the schema as another ORM's project, with a baseline migration recorded in that ORM's ledger",
  builder: (y: Argv) =>
    projectOptions(formatOption(y, ['human', 'json']))
      .option('to', { global: false, type: 'string', choices: ['prisma', 'drizzle', 'knex', 'typeorm'], demandOption: true, describe: 'The ORM to translate to' })
      .option('out', { global: false, type: 'string', describe: 'The folder to write the new project into (default ./dbm-translated/<orm>)' })
      .option('from', { global: false, type: 'string', choices: ['database', 'source'], default: 'database', describe: "Read the schema from the migrated database, or from the ORM's schema source (no database, no ledger baseline)" })
      .option('force', { global: false, type: 'boolean', describe: 'Write into a folder that is not empty (files of the same name are replaced)' })
      .option('dry-run', { global: false, type: 'boolean', describe: 'Show what would be written and recorded; change nothing' })
      .option('drop-old-ledger', { global: false, type: 'boolean', describe: "Drop the source ORM's ledger table in the same transaction" })
      .epilog('The source must be up to date (dbm status clean). Warnings name what the target cannot express; the baseline keeps it as SQL.') as unknown as Argv<TranslateArgs>,
  run: runTranslate,
  // its options are not global (`global: false`): the sub-command has its own --to, --out, --force, --dry-run
  subcommands: [translateMigrationCommand as unknown as CommandModule<never>],
};
