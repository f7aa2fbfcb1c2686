/** The knexfile's `migrations` block, read into the options dbm's knex reader and ledger take. */
import path from 'node:path';
import { DetectionError } from '../detection-error.js';
import type { KnexMigrationOptions } from './options.js';

/** knex's migration settings with directories made absolute (against the knexfile's folder, as knex's CLI does). */
export interface KnexSettings extends KnexMigrationOptions {
  /** Absolute migration directories; knex writes new migrations into the last one. */
  readonly directories: readonly string[];
  /** `migrations.extension`: the extension `knex migrate:make` gives new files (js, cjs, mjs, ts). */
  readonly extension?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Reads `config.migrations` of a knexfile at `file`. */
export function knexSettings(config: Readonly<Record<string, unknown>>, file: string): KnexSettings {
  const m = (config.migrations ?? {}) as Record<string, unknown>;
  if (typeof m !== 'object') throw new DetectionError(`the knexfile ${file}: migrations must be an object ({ directory, tableName, ... })`, []);
  const base = path.dirname(file);
  const raw = m.directory === undefined ? ['./migrations'] : ([] as unknown[]).concat(m.directory);
  if (!raw.length || raw.some((d) => typeof d !== 'string' || d === '')) {
    throw new DetectionError(`the knexfile ${file}: migrations.directory must be a folder name or a list of them`, []);
  }
  const directories = (raw as string[]).map((d) => path.resolve(base, d));
  const loadExtensions = Array.isArray(m.loadExtensions) ? (m.loadExtensions as unknown[]).filter((x): x is string => typeof x === 'string') : undefined;
  const tableName = str(m.tableName);
  const schemaName = str(m.schemaName);
  const extension = str(m.extension);
  return {
    directories,
    directory: directories,
    cwd: base,
    ...(loadExtensions ? { loadExtensions } : {}),
    ...(m.sortDirsSeparately === true ? { sortDirsSeparately: true } : {}),
    ...(m.disableTransactions === true ? { disableTransactions: true } : {}),
    ...(tableName ? { tableName } : {}),
    ...(schemaName ? { schemaName } : {}),
    ...(extension ? { extension } : {}),
  };
}
