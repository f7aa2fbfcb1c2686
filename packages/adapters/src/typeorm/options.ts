/** The DataSource options dbm needs from a TypeORM project, with TypeORM 1.1's defaults. */
import { createHash } from 'node:crypto';

/** The subset of a TypeORM (postgres) DataSource's options that decides which migrations exist and where they are recorded. */
export interface TypeOrmMigrationOptions {
  /**
   * The DataSource's `migrations` entries: directories (every migration file in them) or glob patterns such
   * as `src/migrations/*.ts` or `dist/migrations/**\/*{.js,.ts}`, relative to `cwd`.
   */
  readonly migrations?: string | readonly string[];
  /** Where relative entries start (TypeORM resolves them against the process's cwd). */
  readonly cwd?: string;
  /** The ledger table (TypeORM: `migrations`). */
  readonly migrationsTableName?: string;
  /** The DataSource's `schema` (where TypeORM puts the ledger table; default: the current schema). */
  readonly schema?: string;
}

/** The ledger location with TypeORM's defaults filled in. */
export interface TypeOrmTable {
  readonly tableName: string;
  readonly schema: string | undefined;
}

/** TypeORM's ledger table and schema for these options. */
export function typeormTable(options: Pick<TypeOrmMigrationOptions, 'migrationsTableName' | 'schema'> = {}): TypeOrmTable {
  return { tableName: options.migrationsTableName ?? 'migrations', schema: options.schema || undefined };
}

/** A double-quoted identifier. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The (schema-qualified when a schema is set) quoted table name. */
export function qualified(t: TypeOrmTable): string {
  return t.schema ? `${ident(t.schema)}.${ident(t.tableName)}` : ident(t.tableName);
}

/**
 * The primary key name TypeORM's DefaultNamingStrategy gives the ledger: "PK_" + the first 27 hex digits of
 * sha1("<table>_id"), the table without its schema.
 */
export function typeormPrimaryKeyName(t: TypeOrmTable): string {
  const table = t.tableName.split('.').pop()!;
  return `PK_${createHash('sha1').update(`${table}_id`).digest('hex').slice(0, 27)}`;
}

/**
 * TypeORM's timestamp of a migration: the number in the last 13 characters of its name; TypeORM refuses
 * a name without one, with this message.
 */
export function typeormTimestamp(name: string): number {
  const timestamp = parseInt(name.slice(-13), 10);
  if (!timestamp || Number.isNaN(timestamp)) {
    throw new Error(`${name} migration name is wrong. Migration class name should have a JavaScript timestamp appended.`);
  }
  return timestamp;
}
