/**
 * Test helpers for the ledgers: apply SQL migrations the way dbm's apply engine does (ensure the
 * ledger, then per migration: start, each statement in autocommit, finish; fail on error), without
 * depending on that engine, and URLs of throwaway databases on the test server.
 */
import type pg from 'pg';
import { loadPostgresParser, parsePostgres, type Ledger, type MigrationSource } from '@dbm/core';
import { PG_URL } from '../../core/src/plan/pg.testkit.js';

/** The URL of `database` on the test server. */
export function databaseUrl(database: string): string {
  const url = new URL(PG_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** The statements of a migration as dbm runs them (split by the PostgreSQL parser). */
export async function statementsOf(m: MigrationSource): Promise<string[]> {
  await loadPostgresParser();
  return parsePostgres(m.sql ?? '', m.path).statements.map((s) => s.sql);
}

/** Applies `sources` in order, recording them in `ledger` as dbm does; rethrows the first failure after `fail`. */
export async function applyWithLedger(client: pg.Client, ledger: Ledger, sources: readonly MigrationSource[]): Promise<void> {
  await ledger.ensure(client);
  for (const m of sources) {
    const statements = await statementsOf(m);
    await ledger.start(client, m);
    try {
      for (const statement of statements) await client.query(statement);
    } catch (e) {
      await ledger.fail(client, m, (e as Error).message);
      throw e;
    }
    await ledger.finish(client, m, { appliedSteps: statements.length });
  }
}

/** Runs a migration's reviewed down SQL, statement by statement. */
export async function applyDown(client: pg.Client, m: MigrationSource): Promise<void> {
  if (m.downSql === undefined) throw new Error(`migration ${m.name} has no down SQL`);
  await loadPostgresParser();
  for (const s of parsePostgres(m.downSql, m.path).statements) await client.query(s.sql);
}

/** Columns, constraints and indexes of one table, in a stable order, for comparing two databases. */
export async function tableShape(client: pg.Client, qualified: string): Promise<unknown> {
  const columns = await client.query(
    `SELECT a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull, pg_get_expr(d.adbin, d.adrelid) AS default
     FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    [qualified],
  );
  const constraints = await client.query(
    `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = $1::regclass ORDER BY 1`,
    [qualified],
  );
  const indexes = await client.query(
    `SELECT i.relname, pg_get_indexdef(x.indexrelid) AS def FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
     WHERE x.indrelid = $1::regclass ORDER BY 1`,
    [qualified],
  );
  const owned = await client.query(
    `SELECT s.relname, format_type(q.seqtypid, NULL) AS type FROM pg_depend d JOIN pg_class s ON s.oid = d.objid
     JOIN pg_sequence q ON q.seqrelid = s.oid WHERE d.refobjid = $1::regclass AND s.relkind = 'S' ORDER BY 1`,
    [qualified],
  );
  return { columns: columns.rows, constraints: constraints.rows, indexes: indexes.rows, sequences: owned.rows };
}
