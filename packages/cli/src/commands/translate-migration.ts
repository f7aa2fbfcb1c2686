/**
 * `dbm translate migration <file> --to <form>`: one migration from any form (a SQL file, a Prisma migration
 * folder, a drizzle file, a knex or TypeORM migration) to another, up and down. What the target cannot say
 * in its own terms is kept as raw SQL and listed as a warning; the exit code stays 0 for warnings.
 */
import type { Argv } from 'yargs';
import { EXIT, ExitError } from '../errors.js';
import { colorEnabled, painter } from '../output/color.js';
import { formatOption, resolveFormat, type CommandModule } from './shared.js';

type Form = import('@dbm/adapters').MigrationForm;
type Result = import('@dbm/adapters').TranslateMigrationResult;

/** The arguments of the command. */
export interface TranslateMigrationArgs {
  file: string;
  to: Form;
  out?: string;
  name?: string;
  force?: boolean;
  'dry-run'?: boolean;
  format?: string;
  json?: boolean;
}

const FORMS: Form[] = ['sql', 'knex', 'typeorm', 'prisma', 'drizzle'];

function printHuman(r: Result, dryRun: boolean, relative: (p: string) => string): void {
  const paint = painter(colorEnabled());
  process.stdout.write(`${paint('bold', `${r.source.form} → ${r.target}`)} ${relative(r.source.path)} → ${r.migration}\n`);
  process.stdout.write(`${paint('green', dryRun ? 'would write' : 'wrote')}\n${r.files.map((f) => `  ${relative(f.path)}\n`).join('')}`);
  const down = r.downFrom === 'source' ? "the source's own" : 'derived from the inverses of the up statements';
  process.stdout.write(`${paint('dim', `down: ${down}; ${r.transactional ? 'runs in a transaction' : 'runs outside a transaction'}`)}\n`);
  if (!r.warnings.length) return;
  process.stdout.write(`\n${paint('yellow', `${r.warnings.length} warning(s)`)}: kept as raw SQL or needing a hand, never dropped\n`);
  for (const w of r.warnings) process.stdout.write(`  ${paint('yellow', '!')} ${w.code}${w.direction ? ` (${w.direction})` : ''}: ${w.message}\n`);
}

/** Translates one migration and reports; exit 0 when written (or planned, with --dry-run). */
export async function runTranslateMigration(args: TranslateMigrationArgs): Promise<number> {
  const format = resolveFormat(args, ['human', 'json']);
  if (!FORMS.includes(args.to)) throw new ExitError(`dbm: --to takes one of ${FORMS.join(', ')}, got "${String(args.to)}"`);
  const path = await import('node:path');
  const adapters = await import('@dbm/adapters');
  const dryRun = args['dry-run'] === true;
  let result: Result;
  try {
    result = await adapters.translateMigration(args.file, {
      to: args.to,
      ...(args.out !== undefined ? { outDir: args.out } : {}),
      ...(args.name !== undefined ? { name: args.name } : {}),
      ...(args.force ? { force: true } : {}),
      ...(dryRun ? { dryRun: true } : {}),
    });
  } catch (e) {
    if (e instanceof adapters.TranslateMigrationError || e instanceof adapters.MigrationFolderError) throw new ExitError(`dbm: ${(e as Error).message}`, EXIT.usage);
    throw e;
  }
  if (format === 'json') {
    const { files, ...rest } = result;
    process.stdout.write(`${JSON.stringify({ ...rest, dryRun, files: files.map((f) => f.path) }, null, 2)}\n`);
  } else printHuman(result, dryRun, (p) => path.relative(process.cwd(), p) || '.');
  return EXIT.ok;
}

/** The yargs command, a sub-command of `dbm translate`. */
export const translateMigrationCommand: CommandModule<TranslateMigrationArgs> = {
  command: 'migration <file>',
  describe: 'Translate one migration to another form (SQL, knex, TypeORM, Prisma, drizzle), up and down',
  builder: (y: Argv) =>
    formatOption(y, ['human', 'json'])
      .positional('file', { type: 'string', describe: 'A .sql file, a Prisma migration folder (or its migration.sql), a drizzle .sql, or a knex/TypeORM migration file' })
      .option('to', { type: 'string', choices: FORMS, demandOption: true, describe: 'The form to write' })
      .option('out', { type: 'string', describe: "The target's migrations folder to write into (default: the current directory)" })
      .option('name', { type: 'string', describe: "The migration's name in the target (default: the source's, without its timestamp)" })
      .option('force', { type: 'boolean', describe: 'Replace target files that exist already' })
      .option('dry-run', { type: 'boolean', describe: 'Show what would be written; write nothing' })
      .example('dbm translate migration migrations/20250101090000_create_users.js --to prisma --out prisma/migrations', 'a knex migration as a Prisma migration folder')
      .example('dbm translate migration prisma/migrations/20250101090000_init --to typeorm --out src/migrations', 'a Prisma migration (and its down.sql) as a TypeORM class')
      .epilog(
        "The target keeps the source's timestamp. What the target cannot say in its own terms stays raw SQL and is listed as a warning. " +
          "The down is the source's own when it has one, else derived; a statement with no inverse makes the down fail there, loudly. " +
          "Into a drizzle folder: the journal gets the entry, drizzle-kit's snapshot is not written.",
      ) as unknown as Argv<TranslateMigrationArgs>,
  run: runTranslateMigration,
};
