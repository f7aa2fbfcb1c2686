/**
 * The schema snapshot round trip, proven by an independent reader: the shared fixture is loaded into a
 * database, introspected into the neutral model, written back as baseline SQL into a fresh database and
 * introspected again. The two models must agree, and so must the two databases' catalogs as the server
 * prints them (the knex adapter's text snapshot, which shares no code with the model). On the real
 * PostgreSQL server and on PGlite.
 */
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { compareSchemas, formatDifferences, introspectSchema, normalizeSchema, schemaToSql, type Queryable, type SchemaModel } from '@dbm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { introspect, userSchemas } from '../../packages/adapters/src/knex/schema/introspect.js';
import { dropDatabase, freshDatabase, urlOf } from '../executor/db.js';
import pg from 'pg';

const testdata = new URL('../../packages/core/src/schema/testdata/', import.meta.url);
const FIXTURE = readFileSync(new URL('full.sql', testdata), 'utf8') + readFileSync(new URL('extras.sql', testdata), 'utf8');
const EXCLUDE = ['public.knex_migrations'];

/** A database that can run a script and answer queries, whatever serves it. */
interface Db extends Queryable {
  exec(sql: string): Promise<unknown>;
  close(): Promise<void>;
}

/** The text catalogs of a database, as the knex adapter snapshots them (ledger left out). */
async function catalogs(db: Queryable) {
  const schemas = (await userSchemas(db)).filter((s) => s !== '_dbm');
  const snapshot = await introspect(db, { schemas, exclude: EXCLUDE });
  // that snapshot leaves the ledger table out but not a trigger on it; the ledger is not the schema's
  return { ...snapshot, others: snapshot.others.filter((o) => !o.name.includes('knex_migrations')) };
}

async function roundTrip(open: () => Promise<Db>): Promise<{ a: SchemaModel; b: SchemaModel; ca: unknown; cb: unknown; sql: string }> {
  const source = await open();
  const target = await open();
  try {
    await source.exec(FIXTURE);
    const a = normalizeSchema(await introspectSchema(source, { exclude: EXCLUDE }));
    // the model, not the database, is what travels: prove it survives serialisation
    const travelled = JSON.parse(JSON.stringify(a)) as SchemaModel;
    const sql = schemaToSql(travelled);
    await target.exec(sql);
    const b = normalizeSchema(await introspectSchema(target, { exclude: EXCLUDE }));
    return { a, b, ca: await catalogs(source), cb: await catalogs(target), sql };
  } finally {
    await source.close();
    await target.close();
  }
}

function checks(name: string, open: () => Promise<Db>): void {
  describe(name, () => {
    let r: Awaited<ReturnType<typeof roundTrip>>;
    beforeAll(async () => {
      r = await roundTrip(open);
    });

    it('introspect → schemaToSql → introspect gives the same model', () => {
      expect(formatDifferences(compareSchemas(r.a, r.b))).toBe('');
      expect(r.b).toStrictEqual(r.a);
      expect(r.a.tables.length).toBeGreaterThanOrEqual(9);
    });

    it('the two databases have identical text catalogs', () => {
      expect(r.cb).toEqual(r.ca);
      // the catalogs hold the objects that only travel as extras
      const others = (r.ca as { others: { kind: string; name: string }[] }).others.map((o) => `${o.kind} ${o.name}`);
      expect(others).toEqual(expect.arrayContaining(['view public.active_emails', 'function public.touch_updated_at()', 'domain public.positive_int']));
    });

    it('carries the unmodelled objects as SQL in the baseline', () => {
      for (const text of ['CREATE TRIGGER audit_touch', 'CREATE POLICY audit_read', 'CREATE RULE audit_no_delete', 'NOT VALID', 'EXCLUDE USING gist']) {
        expect(r.sql).toContain(text);
      }
    });
  });
}

const servers: string[] = [];
afterAll(async () => {
  for (const name of servers) await dropDatabase(name);
});

checks('on the PostgreSQL server', async () => {
  const name = await freshDatabase('dbm_translate_roundtrip');
  servers.push(name);
  const client = new pg.Client({ connectionString: urlOf(name) });
  await client.connect();
  return {
    query: (sql, params) => client.query(sql, params) as never,
    exec: (sql) => client.query(sql),
    close: () => client.end(),
  };
});

checks('on PGlite', async () => {
  const db = new PGlite();
  await db.waitReady;
  return {
    query: (sql, params) => db.query(sql, params) as never,
    exec: (sql) => db.exec(sql),
    close: () => db.close(),
  };
});
