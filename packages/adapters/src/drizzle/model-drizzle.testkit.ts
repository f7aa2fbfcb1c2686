/**
 * Test helpers for the drizzle ⇄ model translation: the shared full-feature fixture (its SQL, and the
 * same schema written by hand for drizzle), written schema modules loaded and turned into SQL by
 * drizzle-kit as `drizzle-kit generate` would, and the catalogs of a database as comparable text.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { SchemaModel, SchemaWarning } from '@dbm/core';
import { introspect, userSchemas } from '../knex/schema/introspect.js';
import { loadDrizzleKitApi } from './kit-api.js';
import { readDrizzleModel } from './model-read.js';
import { appDir } from './project.testkit.js';
import { importDrizzleSchema } from './schema-module.js';
import { emptyPgSnapshot } from './snapshot.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The shared fixture (issue 6): every feature the model describes, as PostgreSQL DDL. */
export const FULL_SQL = join(here, '..', '..', '..', 'core', 'src', 'schema', 'testdata', 'full.sql');

/** full.sql written by hand as a drizzle schema (what drizzle can say of it). */
export const FULL_SCHEMA = join(here, 'testdata', 'model', 'full-schema.ts');

/** Reads the fixture SQL. */
export const fullSql = (): Promise<string> => readFile(FULL_SQL, 'utf8');

/**
 * The model of full.sql: the hand-written drizzle schema read back, plus what a catalog reader sees and
 * drizzle cannot say (comments, the INCLUDE index, the deferrable foreign key).
 */
export async function fullModel(): Promise<SchemaModel> {
  const { model } = await readDrizzleModel([FULL_SCHEMA]);
  const tables = model.tables.map((t) => {
    const key = `${t.schema}.${t.name}`;
    if (key === 'public.users') {
      return { ...t, comment: 'People who can sign in', columns: t.columns.map((c) => (c.name === 'email' ? { ...c, comment: 'Login address, unique' } : c)) };
    }
    if (key === 'billing.accounts') return { ...t, comment: 'Billing accounts, one or more per user' };
    if (key === 'public.memberships') {
      const include = { name: 'memberships_team_joined_idx', unique: false, method: 'btree', include: ['note'],
        elements: [{ value: 'team_id', expression: false }, { value: 'joined_at', expression: false, order: 'desc' as const, nulls: 'last' as const }] };
      return { ...t, indexes: [...t.indexes, include] };
    }
    if (key === 'billing.invoices') return { ...t, foreignKeys: t.foreignKeys.map((f) => ({ ...f, deferrable: 'deferred' as const })) };
    return t;
  });
  return { ...model, tables };
}

/** Writes `text` as `schema.ts` of a throwaway app (able to import drizzle-orm) and returns its path. */
export async function writtenSchema(text: string): Promise<string> {
  const root = await appDir({});
  const file = join(root, 'schema.ts');
  await writeFile(file, text);
  return file;
}

/** The SQL drizzle-kit generates for a schema module from nothing (its first migration). */
export async function drizzleSqlOf(file: string): Promise<string[]> {
  const api = await loadDrizzleKitApi(dirname(file));
  const snap = api.generateDrizzleJson(await importDrizzleSchema([file]));
  return api.generateMigration(emptyPgSnapshot(), snap);
}

/** Runs drizzle-kit's statements, then the warnings' raw SQL, on `client`. */
export async function applyWritten(client: pg.ClientBase, statements: readonly string[], warnings: readonly SchemaWarning[]): Promise<void> {
  for (const s of statements) await client.query(s);
  for (const w of warnings) if (w.rawSql) await client.query(w.rawSql);
}

/** The catalogs as server-printed text, with every table and column comment. */
export async function catalogOf(client: pg.ClientBase): Promise<unknown> {
  const schemas = await userSchemas(client);
  const snapshot = await introspect(client, { schemas });
  const comments = await client.query(
    `SELECT c.oid::regclass::text AS rel, d.objsubid AS col, d.description AS text
     FROM pg_description d JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass
     JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY($1::text[]) ORDER BY 1, 2`,
    [schemas],
  );
  const deferrable = await client.query(
    `SELECT conname, condeferrable, condeferred FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace
     WHERE n.nspname = ANY($1::text[]) ORDER BY 1`,
    [schemas],
  );
  return { snapshot, comments: comments.rows, deferrable: deferrable.rows };
}
