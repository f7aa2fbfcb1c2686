/**
 * Test helpers for the code-migration ledgers (knex, TypeORM): throwaway databases on the real server, and
 * a small stand-in for dbm's apply/rollback engine (ensure → start → runner → finish; runner.down) so these
 * tests do not depend on the engine itself.
 */
import type pg from 'pg';
import type { Ledger, MigrationSource } from '@dbm/core';
import { connect, createDatabase, dropDatabase, PG_URL } from '../../../core/src/plan/pg.testkit.js';

export { connect, PG_URL };

/** The URL of `database` on the test server. */
export function databaseUrl(database: string): string {
  const url = new URL(PG_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A fresh database for the duration of `work`, dropped afterwards (also on failure). */
export async function withDatabase<T>(prefix: string, work: (url: string, client: pg.Client) => Promise<T>): Promise<T> {
  const admin = await connect();
  const name = await createDatabase(admin, prefix);
  const client = await connect(name);
  try {
    return await work(databaseUrl(name), client);
  } finally {
    await client.end().catch(() => undefined);
    await dropDatabase(admin, name);
    await admin.end();
  }
}

/** What the engine does for an apply: runs every pending source through its runner, one batch. Returns the names run. */
export async function applyPending(url: string, ledger: Ledger, sources: readonly MigrationSource[], lockTimeout = '2s'): Promise<string[]> {
  const client = await connect(new URL(url).pathname.slice(1));
  try {
    await ledger.ensure(client);
    const done = new Set((await ledger.read(client)).map((r) => r.name));
    const batch = (await ledger.nextBatch?.(client)) ?? 0;
    const ran: string[] = [];
    for (const m of [...sources].sort((a, b) => a.order - b.order)) {
      if (done.has(m.name)) continue;
      if (!m.runner) throw new Error(`${m.name} has no runner`);
      await ledger.start(client, m);
      await m.runner.up({ url, lockTimeout, batch });
      // finish after a runner must be a no-op: the runner already wrote the row in its own transaction
      await ledger.finish(client, m, { appliedSteps: 1 });
      ran.push(m.name);
    }
    return ran;
  } finally {
    await client.end();
  }
}

/** What the engine does to roll back one migration: its runner's down (which removes the row), then remove. */
export async function rollbackOne(url: string, ledger: Ledger, m: MigrationSource, lockTimeout = '2s'): Promise<void> {
  const client = await connect(new URL(url).pathname.slice(1));
  try {
    if (!m.runner) throw new Error(`${m.name} has no runner`);
    const batch = (await ledger.nextBatch?.(client)) ?? 0;
    await m.runner.down({ url, lockTimeout, batch });
    await ledger.remove(client, m);
  } finally {
    await client.end();
  }
}

/** Table, column, index and constraint names of the public schema, for "the schema is back" checks. */
export async function schemaNames(client: pg.ClientBase): Promise<{ tables: string[]; columns: string[]; indexes: string[] }> {
  const q = async (sql: string) => (await client.query<{ n: string }>(sql)).rows.map((r) => r.n);
  return {
    tables: await q(`SELECT table_name AS n FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`),
    columns: await q(`SELECT table_name || '.' || column_name AS n FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1`),
    indexes: await q(`SELECT indexname AS n FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`),
  };
}

/** The catalog shape of one table (columns, defaults, constraints, indexes), to compare with the ORM's own. */
export async function tableShape(client: pg.ClientBase, schema: string, table: string): Promise<unknown> {
  const columns = await client.query(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull,
            pg_get_expr(d.adbin, d.adrelid) AS default, a.attidentity AS identity
     FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE a.attrelid = format('%I.%I', $1::text, $2::text)::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    [schema, table],
  );
  const constraints = await client.query(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
     WHERE conrelid = format('%I.%I', $1::text, $2::text)::regclass ORDER BY 1`,
    [schema, table],
  );
  const indexes = await client.query(
    `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = $1 AND tablename = $2 ORDER BY 1`,
    [schema, table],
  );
  const sequences = await client.query(
    `SELECT s.relname AS name, format_type(q.seqtypid, NULL) AS type FROM pg_depend d
     JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S' JOIN pg_sequence q ON q.seqrelid = s.oid
     WHERE d.refobjid = format('%I.%I', $1::text, $2::text)::regclass ORDER BY 1`,
    [schema, table],
  );
  return { columns: columns.rows, constraints: constraints.rows, indexes: indexes.rows, sequences: sequences.rows };
}
