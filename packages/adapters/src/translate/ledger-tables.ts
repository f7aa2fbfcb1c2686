/**
 * The ORMs' bookkeeping tables in a database: never part of the application's schema, so a translation
 * leaves them out of the model. The source's own ledger (wherever the project put it), plus every ORM's
 * default ledger that is there (an earlier translation keeps the old ledger), TypeORM's `migrations` only
 * when it has TypeORM's shape, since an application may have a table of that name.
 */
import type pg from 'pg';
import type { Ledger } from '@dbm/core';

/** `schema.table` of a ledger's `table` (a bare name lives in public, the connection's usual schema). */
export function qualifiedLedger(table: string): string {
  return table.includes('.') ? table : `public.${table}`;
}

/** The companion tables an ORM keeps beside its ledger. */
export function companions(orm: string, table: string): string[] {
  const q = qualifiedLedger(table);
  if (orm === 'knex') return [`${q}_lock`];
  if (orm === 'typeorm') return [`${q.slice(0, q.lastIndexOf('.'))}.typeorm_metadata`];
  return [];
}

const DEFAULTS = ['public._prisma_migrations', 'drizzle.__drizzle_migrations', 'public.knex_migrations', 'public.knex_migrations_lock', 'public.typeorm_metadata'];

/** The tables to leave out of the source model, as `schema.table`. */
export async function bookkeepingTables(client: pg.ClientBase, source?: Ledger): Promise<string[]> {
  const out = new Set<string>(source ? [qualifiedLedger(source.table), ...companions(source.orm, source.table)] : []);
  const found = await client.query<{ t: string }>(
    `SELECT n.nspname || '.' || c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = 'r' AND n.nspname || '.' || c.relname = ANY($1::text[])`,
    [DEFAULTS],
  );
  for (const r of found.rows) out.add(r.t);
  const typeorm = await client.query<{ cols: string }>(
    `SELECT string_agg(a.attname, ',' ORDER BY a.attnum) AS cols FROM pg_attribute a
     WHERE a.attrelid = to_regclass('public.migrations') AND a.attnum > 0 AND NOT a.attisdropped`,
  );
  if (typeorm.rows[0]?.cols === 'id,timestamp,name') out.add('public.migrations');
  return [...out].sort();
}
