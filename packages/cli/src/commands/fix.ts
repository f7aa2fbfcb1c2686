/** `dbm fix <file>`: rewrites a migration into ordered safe steps (transactional or not). */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Argv } from 'yargs';
import { EXIT, ExitError } from '../errors.js';
import { settingsFor } from './settings.js';
import { formatOption, resolveFormat, type CommandModule } from './shared.js';

interface FixArgs {
  file: string;
  format?: string;
  json?: boolean;
  'pg-version'?: number;
  'lock-timeout'?: string;
  'statement-timeout'?: string;
  out?: string;
}

/** Plans the safe form of one file and prints (or writes) it. */
export async function runFix(args: FixArgs): Promise<number> {
  const format = resolveFormat(args, ['sql', 'json']);
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch {
    throw new ExitError(`dbm: cannot read ${args.file}: no such file`);
  }
  // the flags over the dbm config of the current directory's package (which also checks the flags)
  const s = await settingsFor({ 'pg-version': args['pg-version'], 'lock-timeout': args['lock-timeout'], 'statement-timeout': args['statement-timeout'] });
  const core = await import('@dbm/core');
  await core.loadPostgresParser();
  let parsed;
  try {
    parsed = core.parsePostgres(text, args.file);
  } catch (e) {
    if (e instanceof core.SqlParseError) throw new ExitError(`dbm: ${e.format()}`, EXIT.usage);
    throw e;
  }
  const plan = core.planFix(parsed, {
    pgVersion: s.pgVersion,
    lockTimeout: s.lockTimeout,
    ...(s.statementTimeout ? { statementTimeout: s.statementTimeout } : {}),
  });
  const output = format === 'json' ? JSON.stringify(core.planToJson(plan), null, 2) : core.renderPlanSql(plan);
  if (args.out) {
    writeFileSync(args.out, `${output.trimEnd()}\n`);
    process.stderr.write(`dbm: wrote ${plan.steps.length} step(s) to ${args.out}\n`);
  } else process.stdout.write(`${output.trimEnd()}\n`);
  return EXIT.ok;
}

/** The yargs command. */
export const fixCommand: CommandModule<FixArgs> = {
  command: 'fix <file>',
  describe: 'Rewrite a migration into safe steps: CONCURRENTLY outside transactions, NOT VALID + VALIDATE, lock_timeout',
  builder: (y: Argv) =>
    formatOption(y, ['sql', 'json'])
      .positional('file', { type: 'string', describe: 'The SQL migration to rewrite' })
      .option('pg-version', { type: 'number', describe: 'Major version of the target PostgreSQL server (default: pgVersion in dbm.config, else 15)' })
      .option('lock-timeout', { type: 'string', describe: 'lock_timeout set at the start of every step; short, as writes queue behind a statement waiting for a lock (default: lockTimeout in dbm.config, else 20ms)' })
      .option('statement-timeout', { type: 'string', describe: 'statement_timeout set at the start of every step (default: statementTimeout in dbm.config)' })
      .option('out', { type: 'string', describe: 'Write the result to this file instead of standard output' })
      .example('dbm fix migration.sql', 'print the annotated safe script')
      .example('dbm fix migration.sql --json', 'the steps as JSON, for an executor') as unknown as Argv<FixArgs>,
  run: runFix,
};
