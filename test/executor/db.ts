/** Fresh databases on the real PostgreSQL server for the executor tests; fails (never skips) without one. */
import pg from 'pg';

/** The server the tests use. */
export const ADMIN_URL = process.env.DBM_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The URL of database `name` on the test server. */
export function urlOf(name: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs one statement on the admin database. */
export async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await c.connect();
  } catch (e) {
    throw new Error(`PostgreSQL test server unreachable at ${ADMIN_URL}: ${(e as Error).message}`);
  }
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

let counter = 0;

/** Creates an empty database (optionally from a template) and returns its name. */
export async function freshDatabase(prefix: string, template?: string): Promise<string> {
  const name = `${prefix}_${process.pid}_${Date.now() % 1e6}_${counter++}`;
  await admin(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
  return name;
}

/** Drops a database, ending its connections first. */
export async function dropDatabase(name: string): Promise<void> {
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/** Runs queries against one database. */
export async function withDb<T>(name: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: urlOf(name) });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/** The catalog of the public schema, as comparable text: tables, columns, indexes, constraints. */
export async function catalog(c: pg.Client): Promise<string[]> {
  const r = await c.query(`
    SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
           || COALESCE(' default ' || pg_get_expr(d.adbin, d.adrelid), '') AS item
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> '_prisma_migrations'
    UNION ALL
    SELECT 'index ' || i.relname || ' ' || pg_get_indexdef(i.oid) || ' valid=' || x.indisvalid
      FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = 'public'
    UNION ALL
    SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' validated=' || convalidated
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype <> 'n'
    ORDER BY 1`);
  return r.rows.map((row: { item: string }) => row.item);
}

/** Row count and a checksum over every row of a table, ordered by id. */
export async function dataChecksum(c: pg.Client, table: string): Promise<string> {
  const r = await c.query(`SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t.id)) AS sum FROM "${table}" t`);
  return `${r.rows[0].n}:${r.rows[0].sum}`;
}
