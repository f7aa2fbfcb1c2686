/**
 * Throwaway databases on the real PostgreSQL server for the ORM agreement tests. The server comes from
 * DBM_TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres); an unreachable server fails the
 * tests, never skips them.
 */
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { ADMIN_URL, connect as connectTo, urlOf } from '../support/pg.js';
import { onTestFinished } from 'vitest';

export { ADMIN_URL, urlOf };

/** A connected client on `url` that keeps the server's NOTICEs out of the test output. */
export async function connect(url: string): Promise<pg.Client> {
  const c = await connectTo(url);
  await c.query('SET client_min_messages = warning');
  return c;
}

async function admin(sql: string): Promise<void> {
  const c = await connect(ADMIN_URL);
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** Creates an empty database (a copy of `template` when given), dropped when the current test ends. */
export async function freshDatabase(prefix: string, template?: string): Promise<string> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
  onTestFinished(() => dropDatabase(name));
  return name;
}

/** Drops a database, ending its connections first. */
export async function dropDatabase(name: string): Promise<void> {
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/** Whether a database of that name exists on the server. */
export async function databaseExists(name: string): Promise<boolean> {
  const c = await connect(ADMIN_URL);
  try {
    return (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  } finally {
    await c.end();
  }
}

/** Runs queries against one database. */
export async function withDb<T>(name: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = await connect(urlOf(name));
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/**
 * Everything a run could have written, as comparable text: the non-system schemas, and every table, view,
 * sequence, index and column in them.
 */
export async function everything(c: pg.ClientBase): Promise<string[]> {
  const r = await c.query<{ item: string }>(`
    SELECT 'schema ' || nspname AS item FROM pg_namespace
     WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'
    UNION ALL
    SELECT 'relation ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
    UNION ALL
    SELECT 'column ' || n.nspname || '.' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY 1`);
  return r.rows.map((row) => row.item);
}

/** Whether a (schema-qualified) table exists. */
export async function tableExists(c: pg.ClientBase, qualified: string): Promise<boolean> {
  return (await c.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [qualified])).rows[0]!.t !== null;
}

/** Whether a schema exists. */
export async function schemaExists(c: pg.ClientBase, schema: string): Promise<boolean> {
  return (await c.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).rowCount === 1;
}

/** `table.column` of every column of the public schema. */
export async function publicColumns(c: pg.ClientBase): Promise<string[]> {
  const r = await c.query<{ n: string }>(
    `SELECT table_name || '.' || column_name AS n FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1`,
  );
  return r.rows.map((row) => row.n);
}

/** Index names of the public schema. */
export async function publicIndexes(c: pg.ClientBase): Promise<string[]> {
  return (await c.query<{ n: string }>(`SELECT indexname AS n FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`)).rows.map((r) => r.n);
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Row count and an md5 over the given columns of every row (all columns when absent), ordered by id. */
export async function checksum(c: pg.ClientBase, table: string, columns?: readonly string[]): Promise<string> {
  const row = columns ? `row(${columns.map((col) => `t.${ident(col)}`).join(', ')})::text` : 't::text';
  const r = await c.query<{ n: string; sum: string }>(`SELECT count(*) AS n, md5(string_agg(${row}, '|' ORDER BY t.id)) AS sum FROM ${ident(table)} t`);
  return `${r.rows[0]!.n} rows, md5 ${r.rows[0]!.sum}`;
}

/** Every row of a table as JSON text, sorted: to show a table was not rewritten. */
export async function rowsOf(c: pg.ClientBase, qualified: string): Promise<string[]> {
  const r = await c.query<{ j: string }>(`SELECT to_jsonb(t)::text AS j FROM ${qualified} t ORDER BY 1`);
  return r.rows.map((row) => row.j);
}
