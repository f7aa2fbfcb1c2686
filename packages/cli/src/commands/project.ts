/** The options that say which project, ledger and database a verb works on. */
import type { Argv } from 'yargs';
import { ExitError } from '../errors.js';

/** Arguments shared by apply, rollback and status. */
export interface ProjectArgs {
  orm?: string;
  dir?: string;
  project?: string;
  url?: string;
  'ledger-table'?: string;
  'ledger-schema'?: string;
}

/** Adds --orm, --dir, --url and the ledger location options. */
export function projectOptions(y: Argv): Argv {
  return y
    .option('project', { type: 'string', describe: 'The package directory to work in (default: the current directory)' })
    .option('orm', { type: 'string', choices: ['prisma', 'drizzle', 'knex', 'typeorm'], describe: 'The ORM, when the package has more than one or detection fails' })
    .option('dir', { type: 'string', describe: 'The migrations folder, when it is not where the ORM config says' })
    .option('url', { type: 'string', describe: 'Database URL (default: $DATABASE_URL)' })
    .option('ledger-table', { type: 'string', describe: "The ORM's history table, when the project renamed it" })
    .option('ledger-schema', { type: 'string', describe: "The schema of the ORM's history table, when the project moved it" });
}

/** The database URL to use (--url, the project's own variable, DATABASE_URL), or a clear error. */
export function databaseUrl(args: ProjectArgs, project?: { url?: { env?: string; value?: string } }): string {
  const env = project?.url?.env;
  const url = args.url ?? (env ? process.env[env] : undefined) ?? project?.url?.value ?? process.env.DATABASE_URL;
  if (!url) throw new ExitError(`dbm: no database URL: set ${env ?? 'DATABASE_URL'} or pass --url postgres://user:password@host:5432/db`);
  if (!/^postgres(ql)?:\/\//.test(url)) throw new ExitError('dbm: only PostgreSQL URLs (postgres://...) are supported by apply, rollback and status so far');
  return url;
}

/** The detected project (or the one --orm/--dir describe), with clear errors for none or two ORMs. */
export async function resolveProject(args: ProjectArgs) {
  const adapters = await import('@dbm/adapters');
  const { resolve } = await import('node:path');
  const root = resolve(args.project ?? '.');
  if (args.orm && args.dir) {
    return {
      orm: args.orm as 'prisma',
      dialect: 'postgresql' as const,
      root,
      migrationsDir: resolve(args.dir),
      url: { env: 'DATABASE_URL' },
      evidence: ['--orm and --dir'],
      ...(args['ledger-table'] ? { ledgerTable: args['ledger-table'] } : {}),
      ...(args['ledger-schema'] ? { ledgerSchema: args['ledger-schema'] } : {}),
    };
  }
  try {
    const p = await adapters.detectProject(root, args.orm as 'prisma' | undefined);
    return {
      ...p,
      ...(args.dir ? { migrationsDir: resolve(args.dir) } : {}),
      ...(args['ledger-table'] ? { ledgerTable: args['ledger-table'] } : {}),
      ...(args['ledger-schema'] ? { ledgerSchema: args['ledger-schema'] } : {}),
    };
  } catch (e) {
    if (e instanceof adapters.DetectionError) throw new ExitError(`dbm: ${e.message}`);
    throw e;
  }
}

/** Opens the migrations and the ledger of the project the arguments name (detected when not named). */
export async function openProject(args: ProjectArgs) {
  const adapters = await import('@dbm/adapters');
  const project = await resolveProject(args);
  try {
    const set = await adapters.adapterFor(project.orm).open(project);
    return { ...set, project };
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
    const named = e as { name?: string; userFacing?: boolean; message?: string };
    if (
      e instanceof core.LockHeldError ||
      e instanceof core.RefusedError ||
      e instanceof core.StepFailedError ||
      named?.name === 'CodeMigrationError' ||
      named?.userFacing === true
    ) {
      throw new ExitError(`dbm: ${core.redactText(String(named.message), url)}`, 1);
    }
    throw e;
  }
}
