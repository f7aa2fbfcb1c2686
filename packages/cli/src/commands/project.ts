/** The options that say which project, ledger and database a verb works on. */
import type { Argv } from 'yargs';
import { ExitError } from '../errors.js';

/** Arguments shared by apply, rollback and status. */
export interface ProjectArgs {
  orm?: string;
  dir?: string;
  url?: string;
  'ledger-table'?: string;
  'ledger-schema'?: string;
}

/** Adds --orm, --dir, --url and the ledger location options. */
export function projectOptions(y: Argv): Argv {
  return y
    .option('orm', { type: 'string', choices: ['prisma', 'drizzle', 'knex', 'typeorm'], describe: 'The ORM whose migrations and ledger to use' })
    .option('dir', { type: 'string', describe: 'The migrations folder (prisma/migrations, drizzle, migrations, ...)' })
    .option('url', { type: 'string', describe: 'Database URL (default: $DATABASE_URL)' })
    .option('ledger-table', { type: 'string', describe: "The ORM's history table, when the project renamed it" })
    .option('ledger-schema', { type: 'string', describe: "The schema of the ORM's history table, when the project moved it" });
}

/** The database URL to use, or a clear error. */
export function databaseUrl(args: ProjectArgs): string {
  const url = args.url ?? process.env.DATABASE_URL;
  if (!url) throw new ExitError('dbm: no database URL: set DATABASE_URL or pass --url postgres://user:password@host:5432/db');
  if (!/^postgres(ql)?:\/\//.test(url)) throw new ExitError('dbm: only PostgreSQL URLs (postgres://...) are supported by apply, rollback and status so far');
  return url;
}

/** Opens the migrations and the ledger the arguments name. */
export async function openProject(args: ProjectArgs) {
  if (!args.orm || !args.dir) throw new ExitError('dbm: name the project: --orm <prisma|drizzle|knex|typeorm> --dir <migrations folder>');
  const adapters = await import('@dbm/adapters');
  try {
    return await adapters.openMigrations({
      orm: args.orm as 'prisma',
      dir: args.dir,
      ...(args['ledger-table'] ? { table: args['ledger-table'] } : {}),
      ...(args['ledger-schema'] ? { schema: args['ledger-schema'] } : {}),
    });
  } catch (e) {
    if (e instanceof adapters.MigrationFolderError) throw new ExitError(`dbm: ${e.message}`);
    throw e;
  }
}

/** Turns the executor's user-facing errors into exit errors (redacting the URL). */
export async function userErrors<T>(url: string, work: () => Promise<T>): Promise<T> {
  const core = await import('@dbm/core');
  try {
    return await work();
  } catch (e) {
    if (e instanceof core.ConnectionError) throw new ExitError(`dbm: ${e.message}`, 1);
    if (e instanceof core.LockHeldError || e instanceof core.RefusedError || e instanceof core.StepFailedError) {
      throw new ExitError(`dbm: ${core.redactText(e.message, url)}`, 1);
    }
    throw e;
  }
}
