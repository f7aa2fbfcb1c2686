/** knex's migration settings (the `migrations` block of a knexfile) that dbm needs, with knex 3's defaults. */

/** The subset of knex's `MigratorConfig` that decides which files are migrations and where they are recorded. */
export interface KnexMigrationOptions {
  /** Directory or directories of migration files, relative to `cwd` (knex: `./migrations`). */
  readonly directory?: string | readonly string[];
  /** Where relative directories start (knex resolves them against the process's cwd, i.e. the knexfile's folder). */
  readonly cwd?: string;
  /** File extensions that count as migrations (knex's default list when absent). */
  readonly loadExtensions?: readonly string[];
  /** Sort each directory on its own instead of all files together by name. */
  readonly sortDirsSeparately?: boolean;
  /** The ledger table (knex: `knex_migrations`; the lock table is this name + `_lock`). */
  readonly tableName?: string;
  /** The ledger's schema (knex: none, i.e. the connection's current schema). */
  readonly schemaName?: string;
  /** Run migrations without a transaction unless a migration's own `config.transaction` says otherwise. */
  readonly disableTransactions?: boolean;
}

/** The extensions knex 3 loads by default (lib/migrations/common/MigrationsLoader.js). */
export const KNEX_DEFAULT_EXTENSIONS: readonly string[] = Object.freeze(['.co', '.coffee', '.eg', '.iced', '.js', '.cjs', '.litcoffee', '.ls', '.ts']);

/** The ledger location with knex's defaults filled in. */
export interface KnexTable {
  readonly tableName: string;
  readonly schemaName: string | undefined;
}

/** knex's ledger table and schema for these options. */
export function knexTable(options: Pick<KnexMigrationOptions, 'tableName' | 'schemaName'> = {}): KnexTable {
  return { tableName: options.tableName ?? 'knex_migrations', schemaName: options.schemaName || undefined };
}

/** A double-quoted identifier. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The (schema-qualified when a schema is set) quoted name of `table`. */
export function qualified(t: KnexTable, table: string = t.tableName): string {
  return t.schemaName ? `${ident(t.schemaName)}.${ident(table)}` : ident(table);
}
