/**
 * The knex writer on the harder cases: an enum shared by two tables and used in an array, an enum no
 * column uses, enum values and comments knex cannot quote, foreign keys in a cycle, extras before and
 * after the tables. The text says each in knex's idiom or knex.raw with a warning; knex runs it on the
 * real server (up, then down to an empty schema).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import knex from 'knex';
import { describe, expect, it } from 'vitest';
import { compareSchemas, formatDifferences, introspectSchema, normalizeSchema, type ColumnModel, type SchemaModel, type TableModel } from '@dbm/core';
import { withDatabase } from '../code/engine.testkit.js';
import { writeKnexMigration } from './model-write.js';

const int4 = { name: 'int4', modifiers: [], arrayDims: 0, sql: 'integer' };
const enumType = (name: string, arrayDims = 0) => ({ name, schema: 'public', modifiers: [], arrayDims, sql: `"public"."${name}"${'[]'.repeat(arrayDims)}` });

function table(name: string, columns: ColumnModel[], other: string): TableModel {
  return {
    schema: 'public',
    name,
    columns: [{ name: 'id', type: int4, nullable: false, default: { kind: 'sequence', sequence: `${name}_id_seq` } }, ...columns],
    primaryKey: { name: `${name}_pkey`, columns: ['id'] },
    uniques: [],
    foreignKeys: [{ name: `${name}_other_fk`, columns: ['other_id'], target: { schema: 'public', table: other, columns: ['id'] }, onDelete: 'set null', onUpdate: 'no action' }],
    checks: [],
    indexes: [],
  };
}

const MODEL: SchemaModel = {
  tables: [
    {
      ...table('a', [
        { name: 'other_id', type: int4, nullable: true },
        { name: 'mood', type: enumType('mood'), nullable: false, default: { kind: 'literal', sql: "'ok'::public.mood", value: 'ok' } },
        { name: 'quip', type: enumType('quip'), nullable: true },
      ], 'b'),
      comment: "the 'a' table",
    },
    table('b', [
      { name: 'other_id', type: int4, nullable: true },
      { name: 'mood', type: enumType('mood'), nullable: true },
      { name: 'moods', type: enumType('mood', 1), nullable: true, comment: 'all of them' },
    ], 'a'),
  ],
  enums: [
    { schema: 'public', name: 'mood', values: ['ok', 'meh'] },
    { schema: 'public', name: 'quip', values: ["it's", 'fine'] },
    { schema: 'public', name: 'unused', values: ['x'] },
  ],
  extras: [
    { kind: 'view', schema: 'public', name: 'public.a_ids', sql: 'CREATE VIEW "public"."a_ids" AS SELECT id FROM public.a' },
    { kind: 'function', schema: 'public', name: 'public.one()', sql: "CREATE FUNCTION public.one() RETURNS integer LANGUAGE sql AS 'SELECT 1'" },
  ],
};

async function runKnex(url: string, text: string, direction: 'latest' | 'rollback'): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dbm-knex-model-'));
  const db = knex({ client: 'pg', connection: url });
  try {
    await writeFile(path.join(dir, '20240101000000_baseline.cjs'), text);
    await db.migrate[direction]({ directory: dir, loadExtensions: ['.cjs'] });
  } finally {
    await db.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

describe('knex: write a migration from the schema model', () => {
  const { text, warnings } = writeKnexMigration(MODEL);

  it("says enums, comments and cyclic keys in knex's idiom where it can", () => {
    expect(text).toContain("t.enu('mood', ['ok', 'meh'], { useNative: true, enumName: 'mood' }).notNullable().defaultTo(knex.raw(\"'ok'::public.mood\"));");
    expect(text).toContain("t.enu('mood', null, { useNative: true, existingType: true, enumName: 'mood' });");
    expect(text).toContain(`t.specificType('moods', '"public"."mood"[]').comment('all of them');`);
    // the first table cannot point at the second before it exists: that key waits for both
    expect(text).toContain("await knex.schema.alterTable('a', (t) => {\n    t.foreign(['other_id'], 'a_other_fk').references('id').inTable('b').onDelete('SET NULL');");
    expect(text).toContain("t.dropForeign(['other_id'], 'a_other_fk');");
    expect(text.indexOf("DROP VIEW IF EXISTS")).toBeLessThan(text.indexOf("dropTable('a')"));
    expect(warnings.map((w) => w.object)).toEqual(['public.one()', 'public.quip', 'public.unused', 'public.a', 'public.a_ids']);
    expect(warnings.find((w) => w.object === 'public.a')?.rawSql).toBe(`COMMENT ON TABLE "public"."a" IS 'the ''a'' table'`);
  });

  it('runs under knex on the real server, up and down', async () => {
    await withDatabase('dbm_knex_model_write', async (url, db) => {
      await runKnex(url, text, 'latest');
      const exclude = ['public.knex_migrations', 'public.knex_migrations_lock'];
      const back = await introspectSchema(db, { exclude });
      const withoutExtras = (m: SchemaModel): SchemaModel => ({ ...m, extras: [] });
      expect(formatDifferences(compareSchemas(withoutExtras(back), withoutExtras(MODEL)))).toBe('');
      expect(back.extras.map((x) => `${x.kind} ${x.name}`)).toEqual(['function public.one()', 'view public.a_ids']);
      await runKnex(url, text, 'rollback');
      expect(normalizeSchema(await introspectSchema(db, { exclude }))).toEqual({ tables: [], enums: [], extras: [] });
    });
  }, 120_000);
});
