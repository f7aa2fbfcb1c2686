/**
 * TypeORM's ledger: `migrations` (id SERIAL, "timestamp" bigint NOT NULL, name varchar NOT NULL, primary key
 * named by TypeORM's naming strategy), created with the DDL TypeORM 1.1 issues on PostgreSQL. TypeORM keeps
 * no checksum and no time: a migration is applied when a row carries its class name.
 */
import type pg from 'pg';
import type { Ledger, LedgerRow, MigrationSource } from '@dbm/core';
import { tableVisible } from '../code/table-visible.js';
import { ident, qualified, typeormPrimaryKeyName, typeormTable, typeormTimestamp, type TypeOrmMigrationOptions, type TypeOrmTable } from './options.js';

/** The timestamp TypeORM records for a source: read's meta, else the digits ending its name. */
function timestampOf(m: MigrationSource): number {
  const fromMeta = m.meta?.timestamp;
  return typeof fromMeta === 'number' ? fromMeta : typeormTimestamp(m.name);
}

/** TypeORM's ledger for a DataSource's `migrationsTableName` and `schema`. */
export class TypeOrmLedger implements Ledger {
  readonly orm = 'typeorm';
  readonly table: string;
  private readonly t: TypeOrmTable;

  constructor(options: Pick<TypeOrmMigrationOptions, 'migrationsTableName' | 'schema'> = {}) {
    this.t = typeormTable(options);
    this.table = this.t.schema ? `${this.t.schema}.${this.t.tableName}` : this.t.tableName;
  }

  /** Looks where TypeORM's hasTable looks: the DataSource's schema, else the current schema. */
  async exists(client: pg.ClientBase): Promise<boolean> {
    return tableVisible(client, this.t.schema, this.t.tableName);
  }

  async ensure(client: pg.ClientBase): Promise<void> {
    // TypeORM expects the schema to exist; creating it costs nothing and saves a confusing failure
    if (this.t.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${ident(this.t.schema)}`);
    if (await this.exists(client)) return;
    await client.query(
      `CREATE TABLE ${qualified(this.t)} ("id" SERIAL NOT NULL, "timestamp" bigint NOT NULL, "name" character varying NOT NULL, ` +
        `CONSTRAINT ${ident(typeormPrimaryKeyName(this.t))} PRIMARY KEY ("id"))`,
    );
  }

  async read(client: pg.ClientBase): Promise<LedgerRow[]> {
    if (!(await this.exists(client))) return [];
    const r = await client.query<{ name: string }>(`SELECT "name" FROM ${qualified(this.t)} ORDER BY "id"`);
    return r.rows.map((row) => ({ name: row.name }));
  }

  /** TypeORM writes nothing when a migration starts. */
  async start(): Promise<void> {}

  /**
   * Records a migration dbm ran as SQL. A code runner has already written the row inside the migration's
   * own transaction, so this adds one only when no row carries the name.
   */
  async finish(client: pg.ClientBase, m: MigrationSource): Promise<void> {
    await client.query(
      `INSERT INTO ${qualified(this.t)} ("timestamp", "name")
       SELECT $1::bigint, $2::varchar WHERE NOT EXISTS (SELECT 1 FROM ${qualified(this.t)} WHERE "name" = $2::varchar)`,
      [timestampOf(m), m.name],
    );
  }

  /** TypeORM records nothing about a failed migration. */
  async fail(): Promise<void> {}

  /** Deletes the row as `migration:revert` does: by timestamp and name. */
  async remove(client: pg.ClientBase, m: MigrationSource): Promise<void> {
    if (!(await this.exists(client))) return;
    await client.query(`DELETE FROM ${qualified(this.t)} WHERE "timestamp" = $1 AND "name" = $2`, [timestampOf(m), m.name]);
  }
}
