/**
 * drizzle's `"drizzle"."__drizzle_migrations"`, read and written the way drizzle-orm's migrator does
 * (`PgDialect.migrate`): it creates the schema and `(id SERIAL PRIMARY KEY, hash text NOT NULL,
 * created_at bigint)` if missing, runs every pending migration in ONE transaction and inserts
 * `(hash, created_at = the journal's when)` after each; a failure rolls everything back, so drizzle
 * never records a failed or started migration. Its own notion of pending is `when` > max(created_at);
 * dbm matches rows to files instead (see match.ts), which agrees with drizzle as long as migrations
 * are applied and removed in journal order.
 */
import type pg from 'pg';
import type { Ledger, LedgerRow, MigrationSource } from '@dbm/core';
import { matchRow, whenOf, type DrizzleRow } from './match.js';

/** Options of {@link DrizzleLedger}: the `migrations` block of drizzle.config, and the files on disk. */
export interface DrizzleLedgerOptions {
  /** drizzle.config `migrations.table`; '__drizzle_migrations' when absent. */
  readonly table?: string;
  /** drizzle.config `migrations.schema`; 'drizzle' when absent. */
  readonly schema?: string;
  /**
   * The migrations on disk (from readDrizzleMigrations). `read` names each row after the source it
   * records; without them (or for a row none matches) the row's name is its hash.
   */
  readonly sources?: readonly MigrationSource[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The `__drizzle_migrations` ledger. */
export class DrizzleLedger implements Ledger {
  readonly orm = 'drizzle';
  readonly table: string;
  private readonly schema: string;
  private readonly qualified: string;
  private readonly sources: readonly MigrationSource[];

  constructor(options: DrizzleLedgerOptions = {}) {
    const table = options.table ?? '__drizzle_migrations';
    this.schema = options.schema ?? 'drizzle';
    this.table = `${this.schema}.${table}`;
    this.qualified = `${quote(this.schema)}.${quote(table)}`;
    this.sources = options.sources ?? [];
  }

  async exists(client: pg.ClientBase): Promise<boolean> {
    const { rows } = await client.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [this.qualified]);
    return rows[0]?.found ?? false;
  }

  /** The schema and table exactly as drizzle's migrator creates them. */
  async ensure(client: pg.ClientBase): Promise<void> {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quote(this.schema)}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${this.qualified} (
    id SERIAL PRIMARY KEY,
    hash text NOT NULL,
    created_at bigint
)`);
  }

  private async rows(client: pg.ClientBase): Promise<DrizzleRow[]> {
    if (!(await this.exists(client))) return [];
    const { rows } = await client.query<{ id: number; hash: string; created_at: string | null }>(
      `SELECT id, hash, created_at FROM ${this.qualified} ORDER BY id`,
    );
    return rows.map((r) => ({ id: r.id, hash: r.hash, createdAt: r.created_at === null ? null : Number(r.created_at) }));
  }

  /**
   * The rows in insertion order. name: the tag of the matching source, else the hash; checksum: the
   * stored hash. drizzle stores no time of application: finishedAt is the journal `when` kept in
   * created_at (every drizzle row is a finished migration), the epoch when that is null.
   */
  async read(client: pg.ClientBase): Promise<LedgerRow[]> {
    return (await this.rows(client)).map((r) => ({
      name: matchRow(r, this.sources)?.name ?? r.hash,
      checksum: r.hash,
      finishedAt: new Date(r.createdAt ?? 0),
    }));
  }

  /** drizzle writes nothing when a migration starts. */
  async start(): Promise<void> {}

  /** Inserts the row drizzle's migrator inserts after the migration's statements. */
  async finish(client: pg.ClientBase, m: MigrationSource, _info: { appliedSteps: number }): Promise<void> {
    const when = whenOf(m);
    if (when === undefined) throw new Error(`${this.table}: migration ${m.name} has no journal "when" (meta.when), which drizzle stores as created_at`);
    await client.query(`INSERT INTO ${this.qualified} ("hash", "created_at") VALUES ($1, $2)`, [m.checksum, when]);
  }

  /** drizzle records nothing for a failure (its transaction rolls back): the migration stays pending. */
  async fail(): Promise<void> {}

  /** Deletes the rows that record `m` (matched as `read` matches them), so drizzle runs it again. */
  async remove(client: pg.ClientBase, m: MigrationSource): Promise<void> {
    // m as given (it may be newer than the copy the ledger was built with), in its place in the list
    const known = this.sources.some((s) => s.name === m.name);
    const sources = known ? this.sources.map((s) => (s.name === m.name ? m : s)) : [...this.sources, m];
    const ids = (await this.rows(client)).filter((r) => matchRow(r, sources)?.name === m.name).map((r) => r.id);
    if (ids.length > 0) await client.query(`DELETE FROM ${this.qualified} WHERE id = ANY($1::int[])`, [ids]);
  }
}
