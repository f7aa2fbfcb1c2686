/**
 * knex's ledger: `knex_migrations` (id serial, name varchar(255), batch integer, migration_time timestamptz)
 * and `knex_migrations_lock` (index serial, is_locked integer) holding one row, created with the same DDL
 * knex 3 issues. knex keeps no checksum; a migration is applied when a row carries its file name.
 */
import type pg from 'pg';
import type { Ledger, LedgerRow, MigrationSource } from '@dbm/core';
import { tableVisible } from '../code/table-visible.js';
import { ident, knexTable, qualified, type KnexMigrationOptions, type KnexTable } from './options.js';

/** Whether `table` exists where knex looks for it: the named schema, else the connection's current schema. */
export async function knexTableExists(client: pg.ClientBase, t: KnexTable, table: string): Promise<boolean> {
  return tableVisible(client, t.schemaName, table);
}

/** Creates knex's two tables and the lock row as knex does on its first `migrate:*` command, if missing. */
export async function ensureKnexTables(client: pg.ClientBase, t: KnexTable): Promise<void> {
  const lock = `${t.tableName}_lock`;
  if (t.schemaName) await client.query(`CREATE SCHEMA IF NOT EXISTS ${ident(t.schemaName)}`);
  if (!(await knexTableExists(client, t, t.tableName))) {
    await client.query(
      `CREATE TABLE ${qualified(t)} ("id" serial primary key, "name" varchar(255), "batch" integer, "migration_time" timestamptz)`,
    );
  }
  if (!(await knexTableExists(client, t, lock))) {
    await client.query(`CREATE TABLE ${qualified(t, lock)} ("index" serial primary key, "is_locked" integer)`);
  }
  // knex inserts the single lock row (unlocked) whenever the lock table is empty
  await client.query(`INSERT INTO ${qualified(t, lock)} ("is_locked") SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM ${qualified(t, lock)})`);
}

/** The batch `migrate:latest` would give its next run: the highest recorded batch + 1. */
export async function knexNextBatch(client: pg.ClientBase, t: KnexTable): Promise<number> {
  if (!(await knexTableExists(client, t, t.tableName))) return 1;
  const r = await client.query(`SELECT coalesce(max("batch"), 0)::int + 1 AS next FROM ${qualified(t)}`);
  return Number(r.rows[0]?.next ?? 1);
}

/** knex's ledger for a project's migration settings (the knexfile's `migrations` block). */
export class KnexLedger implements Ledger {
  readonly orm = 'knex';
  readonly table: string;
  private readonly t: KnexTable;
  // the batch handed out by nextBatch, for SQL migrations recorded through finish during the same apply
  private batch: number | undefined;

  constructor(options: KnexMigrationOptions = {}) {
    this.t = knexTable(options);
    this.table = this.t.schemaName ? `${this.t.schemaName}.${this.t.tableName}` : this.t.tableName;
  }

  exists(client: pg.ClientBase): Promise<boolean> {
    return knexTableExists(client, this.t, this.t.tableName);
  }

  ensure(client: pg.ClientBase): Promise<void> {
    return ensureKnexTables(client, this.t);
  }

  async read(client: pg.ClientBase): Promise<LedgerRow[]> {
    if (!(await this.exists(client))) return [];
    // knex orders by id (insertion order), which is also the order rollback undoes
    const r = await client.query<{ name: string; batch: number | null; migration_time: Date | null }>(
      `SELECT "name", "batch", "migration_time" FROM ${qualified(this.t)} ORDER BY "id"`,
    );
    return r.rows.map((row) => ({
      name: row.name,
      ...(row.batch !== null ? { batch: row.batch } : {}),
      // knex writes the row only after the migration ran, so its time is when it finished
      ...(row.migration_time ? { finishedAt: row.migration_time } : {}),
    }));
  }

  /** knex writes nothing when a migration starts. */
  async start(): Promise<void> {}

  /**
   * Records a migration dbm ran as SQL. A code runner has already written the row inside the migration's
   * own transaction, so this adds one only when no row carries the name.
   */
  async finish(client: pg.ClientBase, m: MigrationSource): Promise<void> {
    const batch = this.batch ?? (await knexNextBatch(client, this.t));
    await client.query(
      `INSERT INTO ${qualified(this.t)} ("name", "batch", "migration_time")
       SELECT $1::varchar, $2::int, now() WHERE NOT EXISTS (SELECT 1 FROM ${qualified(this.t)} WHERE "name" = $1::varchar)`,
      [m.name, batch],
    );
  }

  /** knex records nothing about a failed migration. */
  async fail(): Promise<void> {}

  /** Deletes the row(s) carrying the name, as `migrate:rollback` does. */
  async remove(client: pg.ClientBase, m: MigrationSource): Promise<void> {
    if (!(await this.exists(client))) return;
    await client.query(`DELETE FROM ${qualified(this.t)} WHERE "name" = $1`, [m.name]);
  }

  async nextBatch(client: pg.ClientBase): Promise<number> {
    this.batch = await knexNextBatch(client, this.t);
    return this.batch;
  }
}
