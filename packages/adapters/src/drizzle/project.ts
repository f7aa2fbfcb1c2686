/**
 * The drizzle project in a package, read from its drizzle.config: dialect, schema, migrations folder
 * (`out`), where the database URL comes from, and drizzle's ledger (`migrations.table` / `.schema`).
 * Paths in the config are taken relative to the package, where drizzle-kit is run from.
 */
import { readFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { DetectionError } from '../detection-error.js';
import type { Dialect, Evidence, Project } from '../orm-adapter.js';
import { findDrizzleConfig } from './config-file.js';
import { loadDrizzleConfig, type DrizzleConfig } from './config.js';
import { DRIZZLE_DEFAULT_OUT } from './detect.js';
import { DrizzleProjectError } from './errors.js';
import { drizzleUrlSource } from './url-source.js';

const DIALECTS: Record<string, Dialect> = { postgresql: 'postgresql', mysql: 'mysql', sqlite: 'sqlite', turso: 'sqlite' };

/** dbm's dialect for drizzle's, or a clear error. */
export function drizzleDialect(dialect: string | undefined, where: string): Dialect {
  if (dialect === undefined) throw new DrizzleProjectError(`${where} has no "dialect": set dialect: 'postgresql' (drizzle-kit needs it too)`);
  const d = DIALECTS[dialect];
  if (!d) throw new DrizzleProjectError(`${where}: dbm does not support drizzle's "${dialect}" dialect (postgresql, mysql, sqlite and turso are supported)`);
  return d;
}

/** The schema path(s) as dbm reports them: one resolved path, or undefined for several. */
function schemaPath(root: string, schema: DrizzleConfig['schema']): string | undefined {
  const list = typeof schema === 'string' ? [schema] : (schema ?? []);
  return list.length === 1 ? resolve(root, list[0]!) : undefined;
}

async function journalOnly(root: string, evidence: Evidence): Promise<Project> {
  const dir = join(root, DRIZZLE_DEFAULT_OUT);
  const text = await readFile(join(dir, 'meta', '_journal.json'), 'utf8').catch(() => '{}');
  let dialect: string | undefined;
  try {
    dialect = (JSON.parse(text) as { dialect?: string }).dialect;
  } catch {
    dialect = undefined;
  }
  return {
    orm: 'drizzle',
    dialect: drizzleDialect(dialect ?? 'postgresql', `${DRIZZLE_DEFAULT_OUT}/meta/_journal.json`),
    root,
    migrationsDir: dir,
    url: { env: 'DATABASE_URL' },
    evidence: [...evidence.reasons, `no drizzle.config: migrations in ${DRIZZLE_DEFAULT_OUT}/ (drizzle-kit's default)`],
  };
}

async function describe(root: string, evidence: Evidence): Promise<Project> {
  const path = findDrizzleConfig(root);
  if (!path) return journalOnly(root, evidence);
  const { config, text } = await loadDrizzleConfig(path);
  const name = basename(path);
  const out = config.out ?? DRIZZLE_DEFAULT_OUT;
  const schema = schemaPath(root, config.schema);
  const schemas = typeof config.schema === 'string' ? [config.schema] : (config.schema ?? []);
  return {
    orm: 'drizzle',
    dialect: drizzleDialect(config.dialect, name),
    root,
    migrationsDir: resolve(root, out),
    ...(schema ? { schemaPath: schema } : {}),
    configPath: path,
    url: drizzleUrlSource(config, text),
    ...(config.migrations?.table ? { ledgerTable: config.migrations.table } : {}),
    ...(config.migrations?.schema ? { ledgerSchema: config.migrations.schema } : {}),
    evidence: [
      ...evidence.reasons,
      `${name}: dialect ${config.dialect}, schema ${schemas.join(', ') || '(none)'}, out ${relative(root, resolve(root, out)) || '.'}`,
    ],
  };
}

/**
 * Describes the drizzle project in `root`. A config that does not load, or names a dialect dbm does
 * not support, is a {@link DetectionError} naming the file (the CLI prints it and exits non-zero).
 */
export async function drizzleProject(root: string, evidence: Evidence): Promise<Project> {
  try {
    return await describe(root, evidence);
  } catch (e) {
    if (e instanceof DrizzleProjectError) throw new DetectionError(e.message, [evidence]);
    throw e;
  }
}
