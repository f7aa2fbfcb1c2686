import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { connect, createDatabase, dropDatabase } from '../../../core/src/plan/pg.testkit.js';
import { tableVisible } from './table-visible.js';

// the view the ORMs ask, and the catalog query dbm asks instead: they must agree on every kind of relation
const VIEW = 'SELECT 1 FROM information_schema.tables WHERE table_name = $1 AND table_schema = coalesce($2, current_schema())';

describe('tableVisible', () => {
  let admin: pg.Client;
  let db: string;
  let client: pg.Client;
  const role = `dbm_visible_${process.pid}`;

  beforeAll(async () => {
    admin = await connect();
    db = await createDatabase(admin, 'dbm_table_visible');
    client = await connect(db);
    await client.query(`
      CREATE SCHEMA other;
      CREATE TABLE public.plain (id int);
      CREATE TABLE other.elsewhere (id int);
      CREATE VIEW public.a_view AS SELECT 1 AS one;
      CREATE MATERIALIZED VIEW public.a_matview AS SELECT 1 AS one;
      CREATE SEQUENCE public.a_sequence;
      CREATE TABLE public.parted (id int) PARTITION BY RANGE (id);
      CREATE INDEX plain_idx ON public.plain (id);
      CREATE TABLE public.secret (id int);
      CREATE TABLE public.one_column (id int, note text);
      CREATE ROLE ${role};
      GRANT USAGE ON SCHEMA other TO ${role};
      GRANT SELECT (note) ON public.one_column TO ${role};
    `);
  });

  afterAll(async () => {
    await client?.end();
    await dropDatabase(admin, db);
    await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.end();
  });

  const cases: [string | undefined, string][] = [
    [undefined, 'plain'],
    ['public', 'plain'],
    [undefined, 'elsewhere'],
    ['other', 'elsewhere'],
    [undefined, 'a_view'],
    [undefined, 'a_matview'],
    [undefined, 'a_sequence'],
    [undefined, 'parted'],
    [undefined, 'plain_idx'],
    [undefined, 'absent'],
    ['absent_schema', 'plain'],
    [undefined, 'secret'],
    [undefined, 'one_column'],
  ];

  it('agrees with information_schema.tables for the owner', async () => {
    for (const [schema, table] of cases) {
      const viewSays = ((await client.query(VIEW, [table, schema ?? null])).rowCount ?? 0) > 0;
      expect([schema, table, await tableVisible(client, schema, table)]).toEqual([schema, table, viewSays]);
    }
  });

  it('agrees with information_schema.tables for a role with few privileges', async () => {
    await client.query(`SET ROLE ${role}`);
    try {
      const seen: string[] = [];
      for (const [schema, table] of cases) {
        const viewSays = ((await client.query(VIEW, [table, schema ?? null])).rowCount ?? 0) > 0;
        if (viewSays) seen.push(table);
        expect([schema, table, await tableVisible(client, schema, table)]).toEqual([schema, table, viewSays]);
      }
      // the privilege test is doing something: the role sees the column it was granted, not the rest
      expect(seen).toEqual(['one_column']);
    } finally {
      await client.query('RESET ROLE');
    }
  });
});
