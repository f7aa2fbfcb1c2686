/**
 * Fidelity of the knex writer on the real server: the full-feature schema (db1) is read into the model and
 * written as one knex migration; knex's own migrator runs it on an empty database (db2), which then has
 * the same catalogs as db1, reads back as the same model, and `migrate:rollback` leaves it empty again.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import knex from 'knex';
import { describe, expect, it } from 'vitest';
import { compareSchemas, formatDifferences, introspectSchema, normalizeSchema } from '@dbm/core';
import { withDatabase } from '../code/engine.testkit.js';
import { loadFull } from '../typeorm/model-project.testkit.js';
import { readKnexModel } from './model-read.js';
import { writeKnexMigration } from './model-write.js';
import { introspect, userSchemas, type Queryable } from './schema/introspect.js';

const LEDGER = ['public.knex_migrations', 'public.knex_migrations_lock'];

async function textCatalog(db: Queryable) {
  return introspect(db, { schemas: await userSchemas(db), exclude: LEDGER });
}

/** Runs knex's migrator on `url` with one migration file holding `text`. */
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

describe('knex: model → migration → knex migrate:latest → database', () => {
  it('rebuilds the full-feature schema with the same catalogs, and rolls it back', async () => {
    await withDatabase('dbm_knex_model_src', async (_url1, db1) => {
      await loadFull(db1);
      const model = normalizeSchema(await readKnexModel(db1));
      const { text, warnings } = writeKnexMigration(model);
      // knex's builder cannot write DESC, INCLUDE or expression index keys: exactly those go through knex.raw
      expect(warnings.map((w) => w.object).sort()).toEqual([
        'public.memberships.memberships_team_joined_idx',
        'public.users.users_created_at_idx',
        'public.users.users_email_lower_idx',
      ]);
      await withDatabase('dbm_knex_model_dst', async (url2, db2) => {
        await runKnex(url2, text, 'latest');
        expect(await textCatalog(db2)).toEqual(await textCatalog(db1));
        expect(formatDifferences(compareSchemas(await readKnexModel(db2), model))).toBe('');
        await runKnex(url2, text, 'rollback');
        expect(normalizeSchema(await introspectSchema(db2, { exclude: LEDGER }))).toEqual({ tables: [], enums: [], extras: [] });
      });
    });
  }, 120_000);
});
