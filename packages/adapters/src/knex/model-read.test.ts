/**
 * The knex reader on the real server: a database migrated by a knex project's migrations (run by knex
 * itself) reads as the project's schema, with knex's own names and without its ledger tables, wherever
 * the project keeps them.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import knex from 'knex';
import { register } from 'tsx/esm/api';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeSchema } from '@dbm/core';
import { withDatabase } from '../code/engine.testkit.js';
import { readKnexModel } from './model-read.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const MIGRATIONS = path.join(here, 'testdata', 'migrations');

// knex loads the fixture's .ts migration with import(): a TypeScript loader, as knex's CLI under tsx has
beforeAll(() => {
  register();
});

async function migrate(url: string, tableName?: string): Promise<void> {
  const db = knex({ client: 'pg', connection: url });
  try {
    await db.migrate.latest({ directory: MIGRATIONS, ...(tableName ? { tableName } : {}) });
  } finally {
    await db.destroy();
  }
}

describe('knex: read the schema model from a migrated database', () => {
  it("reads the project's tables, keys and indexes, not knex's ledger", async () => {
    await withDatabase('dbm_knex_model_read', async (url, db) => {
      await migrate(url);
      const model = normalizeSchema(await readKnexModel(db));
      expect(model.tables.map((t) => t.name)).toEqual(['orders', 'users']);
      const [orders, users] = model.tables;
      expect(users!.primaryKey).toEqual({ name: 'users_pkey', columns: ['id'] });
      expect(users!.uniques).toEqual([{ name: 'users_email_unique', columns: ['email'] }]);
      expect(users!.columns.map((c) => [c.name, c.type.sql, c.nullable, c.default?.kind ?? '-'])).toEqual([
        ['id', 'integer', false, 'sequence'],
        ['email', 'character varying(255)', false, '-'],
        ['name', 'character varying(100)', false, '-'],
        ['created_at', 'timestamp with time zone', false, 'now'],
        ['updated_at', 'timestamp with time zone', false, 'now'],
        ['status', 'character varying(20)', false, 'literal'],
      ]);
      expect(users!.indexes.map((i) => i.name)).toEqual(['users_status_idx']);
      expect(orders!.foreignKeys).toEqual([
        { name: 'orders_user_id_foreign', columns: ['user_id'], target: { schema: 'public', table: 'users', columns: ['id'] }, onDelete: 'cascade', onUpdate: 'no action' },
      ]);
      expect(orders!.indexes.map((i) => i.name)).toEqual(['orders_user_id_idx']);
    });
  }, 60_000);

  it('leaves out a renamed ledger', async () => {
    await withDatabase('dbm_knex_model_ledger', async (url, db) => {
      await migrate(url, 'app_migrations');
      const names = (await readKnexModel(db, { ledgerTable: 'app_migrations' })).tables.map((t) => t.name).sort();
      expect(names).toEqual(['orders', 'users']);
      // without being told, the renamed ledger is just another table
      expect((await readKnexModel(db)).tables.map((t) => t.name).sort()).toEqual(['app_migrations', 'app_migrations_lock', 'orders', 'users']);
    });
  }, 60_000);
});
