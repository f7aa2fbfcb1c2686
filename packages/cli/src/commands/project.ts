/** The options that say which project, ledger and database a verb works on. */
import type { Argv, Options } from 'yargs';
import { resolve } from 'node:path';
import { ExitError } from '../errors.js';
import { settingsFor } from './settings.js';

/** Arguments shared by apply, rollback and status. */
export interface ProjectArgs {
  orm?: string;
  dir?: string;
  project?: string;
  url?: string;
  'ledger-table'?: string;
  'ledger-schema'?: string;
}

/** --project, --orm, --dir, --url and the ledger location: one table, for yargs and for the fast path (fast.ts). */
export const PROJECT_OPTIONS = {
  project: { type: 'string', describe: 'The package directory to work in (default: the current directory)' },
  orm: { type: 'string', choices: ['prisma', 'drizzle', 'knex', 'typeorm'], describe: 'The ORM, when the package has more than one or detection fails' },
  dir: { type: 'string', describe: 'The migrations folder, when it is not where the ORM config says' },
  url: { type: 'string', describe: 'Database URL (default: the variable databaseUrlEnv names in dbm.config, else $DATABASE_URL)' },
  'ledger-table': { type: 'string', describe: "The ORM's history table, when the project renamed it" },
  'ledger-schema': { type: 'string', describe: "The schema of the ORM's history table, when the project moved it" },
} as const satisfies Record<string, Options>;

/** Adds {@link PROJECT_OPTIONS}. */
export function projectOptions(y: Argv): Argv {
  return y.options(PROJECT_OPTIONS);
}

/**
 * The database URL to use: --url, else the variable or literal the dbm config names (and then nothing
 * else: a configured source that is empty is an error, not a reason to guess), else the ORM config's own
 * variable or literal, else DATABASE_URL.
 */
export function databaseUrl(args: ProjectArgs, project?: { orm?: string; url?: { env?: string; value?: string; file?: string } }): string {
  const env = project?.url?.env;
  const configured = project?.url?.file;
  const url = args.url ?? (env ? process.env[env] : undefined) ?? project?.url?.value ?? (configured ? undefined : process.env.DATABASE_URL);
  if (!url && configured) throw new ExitError(`dbm: no database URL: ${configured} sets databaseUrlEnv: "${env}", and ${env} is not set; set it or pass --url postgres://user:password@host:5432/db`);
  if (!url) throw new ExitError(`dbm: no database URL: set ${env ?? 'DATABASE_URL'} or pass --url postgres://user:password@host:5432/db`);
  if (!/^postgres(ql)?:\/\//.test(url)) throw new ExitError('dbm: only PostgreSQL URLs (postgres://...) are supported by apply, rollback and status so far');
  return project?.orm === 'prisma' ? prismaSessionUrl(url) : url;
}

/** The `?schema=` of a Prisma URL: where Prisma's own engine runs the migrations and keeps its ledger. */
export function prismaSchema(url: string): string | undefined {
  try {
    return new URL(url).searchParams.get('schema') || undefined;
  } catch {
    return undefined;
  }
}

/**
 * A Prisma URL whose sessions run in its `?schema=`, as Prisma's engine runs them: the driver knows no
 * `schema` parameter, so it becomes the session's search_path (the `options` startup parameter).
 */
function prismaSessionUrl(url: string): string {
  const schema = prismaSchema(url);
  if (!schema) return url;
  if (!/^[A-Za-z_][A-Za-z0-9_$]*$/.test(schema)) {
    throw new ExitError(`dbm: the URL's ?schema=${schema} is not a plain schema name (letters, digits, _ and $): dbm cannot set it as the search_path`);
  }
  const u = new URL(url);
  if (u.searchParams.has('options')) return url;
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/** The project with its ledger in the Prisma URL's `?schema=`, unless a ledger schema was configured. */
export function withUrlLedgerSchema<P extends { orm: string; ledgerSchema?: string }>(project: P, url: string): P {
  if (project.orm !== 'prisma' || project.ledgerSchema) return project;
  const schema = prismaSchema(url);
  return schema ? { ...project, ledgerSchema: schema } : project;
}

/**
 * The detected project (or the one --orm/--dir describe), with clear errors for none or two ORMs. The dbm
 * config (root, then package) and the flags override what detection found: ORM, dialect, migrations
 * folder, database URL source, ledger location.
 */
export async function resolveProject(args: ProjectArgs) {
  const s = await settingsFor(args);
  const adapters = await import('../light.js');
  const root = resolve(args.project ?? '.');
  const configured = {
    ...(s.dialect ? { dialect: s.dialect } : {}),
    ...(s.migrationsDir ? { migrationsDir: s.migrationsDir } : {}),
    ...(s.url ? { url: s.url } : {}),
    ...(s.ledger.table ? { ledgerTable: s.ledger.table } : {}),
    ...(s.ledger.schema ? { ledgerSchema: s.ledger.schema } : {}),
  };
  const from = s.files.length ? [`settings from ${s.files.join(', ')}`] : [];
  if (args.orm && args.dir) {
    return {
      orm: args.orm as 'prisma',
      dialect: 'postgresql' as const,
      root,
      migrationsDir: resolve(args.dir),
      url: { env: 'DATABASE_URL' } as { env?: string; value?: string; file?: string },
      evidence: ['--orm and --dir', ...from],
      ...configured,
    };
  }
  try {
    const p = await adapters.detectProject(root, s.orm);
    return { ...p, ...configured, evidence: [...p.evidence, ...from] };
  } catch (e) {
    if (e instanceof adapters.DetectionError) throw new ExitError(`dbm: ${e.message}`);
    throw e;
  }
}

/** Opens the migrations and the ledger of the project the arguments name (detected when not named). */
export async function openProject(args: ProjectArgs) {
  const adapters = await import('../light.js');
  let project = await resolveProject(args);
  if (project.orm === 'prisma') {
    // the ledger's schema follows the URL's ?schema=; a missing URL is reported by the verb that needs one
    let url: string | undefined;
    try {
      url = databaseUrl(args, project);
    } catch {
      url = undefined;
    }
    if (url) project = withUrlLedgerSchema(project, url);
  }
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
  const core = await import('../light.js');
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
