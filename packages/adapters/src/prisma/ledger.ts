/**
 * Prisma's `_prisma_migrations`, read and written the way Prisma's schema engine does (prisma-engines,
 * sql-schema-connector `migration_persistence.rs`):
 * - when a migration starts, a row is inserted: a random UUID, the checksum, started_at, the name
 *   (finished_at null, applied_steps_count 0, logs null);
 * - when it succeeds, applied_steps_count is increased by one and finished_at set: Prisma runs a
 *   migration.sql as ONE step, so a finished row always holds 1;
 * - when it fails, the error goes to `logs` and finished_at stays null: `migrate status` and
 *   `migrate deploy` then report the migration as failed;
 * - a row with rolled_back_at set is ignored by Prisma (kept as an audit trail).
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Ledger, LedgerRow, MigrationSource } from '@dbm/core';
import { prismaChecksumMatches } from './checksum.js';

/** Options of {@link PrismaLedger}. */
export interface PrismaLedgerOptions {
  /**
   * The PostgreSQL schema of the table: the `?schema=` of the URL for Prisma's native engine, which
   * defaults to 'public'. (Measured: the wasm engine over @prisma/adapter-pg ignores `?schema=` and the
   * adapter's `schema` option, and creates the table in the search path's schema, 'public' by default.)
   */
  readonly schema?: string;
  /**
   * The migrations on disk. When given, `read` reports a stored checksum that Prisma accepts for the
   * file (other line endings, the old unpadded rendering) as the file's own checksum, so a plain
   * comparison of checksums agrees with Prisma on what counts as edited.
   */
  readonly sources?: readonly MigrationSource[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The `_prisma_migrations` ledger. */
export class PrismaLedger implements Ledger {
  readonly orm = 'prisma';
  readonly table: string;
  private readonly schema: string;
  private readonly qualified: string;
  private readonly sources: readonly MigrationSource[];

  constructor(options: PrismaLedgerOptions = {}) {
    this.schema = options.schema ?? 'public';
    this.table = `${this.schema}._prisma_migrations`;
    this.qualified = `${quote(this.schema)}."_prisma_migrations"`;
    this.sources = options.sources ?? [];
  }

  async exists(client: pg.ClientBase): Promise<boolean> {
    const { rows } = await client.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [this.qualified]);
    return rows[0]?.found ?? false;
  }

  /** The table exactly as Prisma's engine creates it (same columns, types, defaults and primary key name). */
  async ensure(client: pg.ClientBase): Promise<void> {
    if (this.schema !== 'public') await client.query(`CREATE SCHEMA IF NOT EXISTS ${quote(this.schema)}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${this.qualified} (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`);
  }

  /** Every row, rolled-back ones included, in Prisma's order (started_at). */
  async read(client: pg.ClientBase): Promise<LedgerRow[]> {
    if (!(await this.exists(client))) return [];
    const { rows } = await client.query<{
      migration_name: string;
      checksum: string;
      started_at: Date;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      logs: string | null;
    }>(`SELECT migration_name, checksum, started_at, finished_at, rolled_back_at, logs FROM ${this.qualified} ORDER BY started_at, id`);
    return rows.map((r) => ({
      name: r.migration_name,
      checksum: this.judged(r.migration_name, r.checksum),
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      rolledBackAt: r.rolled_back_at,
      logs: r.logs,
    }));
  }

  /** The stored checksum, or the file's own when Prisma would accept the stored one for it. */
  private judged(name: string, stored: string): string {
    const source = this.sources.find((s) => s.name === name);
    if (source?.sql !== undefined && source.checksum !== stored && prismaChecksumMatches(source.sql, stored)) return source.checksum;
    return stored;
  }

  /**
   * Inserts the row Prisma inserts before running a migration. A failed attempt still on record is
   * first marked rolled back, as `prisma migrate resolve --rolled-back` does before a retry: Prisma
   * refuses to go on while a failed row is unresolved.
   */
  async start(client: pg.ClientBase, m: MigrationSource): Promise<void> {
    await client.query(
      `UPDATE ${this.qualified} SET rolled_back_at = clock_timestamp()
       WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL`,
      [m.name],
    );
    // clock_timestamp, not now(): Prisma orders the history by started_at, and now() is frozen for a whole transaction
    await client.query(`INSERT INTO ${this.qualified} (id, checksum, started_at, migration_name) VALUES ($1, $2, clock_timestamp(), $3)`, [
      randomUUID(),
      m.checksum,
      m.name,
    ]);
  }

  /** The row of the attempt under way (started, not finished, not rolled back), if any. */
  private async current(client: pg.ClientBase, name: string): Promise<string | undefined> {
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM ${this.qualified} WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL
       ORDER BY started_at DESC LIMIT 1`,
      [name],
    );
    return rows[0]?.id;
  }

  /**
   * Marks the attempt finished as Prisma does: one applied step (Prisma counts the whole script as one,
   * so dbm's own step count, `info.appliedSteps`, is not what Prisma would store) and finished_at.
   */
  async finish(client: pg.ClientBase, m: MigrationSource, _info: { appliedSteps: number }): Promise<void> {
    const id = await this.current(client, m.name);
    if (!id) throw new Error(`${this.table}: no started row for migration ${m.name} to finish (start was not recorded)`);
    await client.query(
      `UPDATE ${this.qualified} SET applied_steps_count = applied_steps_count + 1, finished_at = clock_timestamp() WHERE id = $1`,
      [id],
    );
  }

  /** Stores the error in `logs` and leaves finished_at null, so Prisma reports the migration as failed. */
  async fail(client: pg.ClientBase, m: MigrationSource, log: string): Promise<void> {
    // a failure before start was recorded still has to reach Prisma, so the row is created then
    if (!(await this.current(client, m.name))) await this.start(client, m);
    const id = await this.current(client, m.name);
    await client.query(`UPDATE ${this.qualified} SET logs = $2 WHERE id = $1`, [id, log]);
  }

  /** Deletes the migration's live rows (rolled-back ones stay as history), so Prisma sees it as pending again. */
  async remove(client: pg.ClientBase, m: MigrationSource): Promise<void> {
    await client.query(`DELETE FROM ${this.qualified} WHERE migration_name = $1 AND rolled_back_at IS NULL`, [m.name]);
  }
}
