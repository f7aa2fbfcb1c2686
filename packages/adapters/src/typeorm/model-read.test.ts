/**
 * The TypeORM reader against TypeORM itself: the model read from a project's entity metadata is the
 * schema TypeORM's own `migration:generate` creates on the real server (names `PK_…`/`UQ_…`/`FK_…`
 * included), and the model carries the example shop's columns, keys and indexes.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareSchemas, formatDifferences, introspectSchema } from '@dbm/core';
import { withDatabase } from '../code/engine.testkit.js';
import { byValue } from './model-compare.testkit.js';
import { readTypeOrmModel } from './model-read.js';
import { typeormGenerate } from './typeorm-generate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SHOP = path.resolve(here, '../../../../examples/typeorm-postgres');
const SHOP_SOURCE = path.join(SHOP, 'src', 'data-source.ts');

describe('typeorm: read the schema model from entity metadata', () => {
  it("reads the shop's tables with TypeORM's own names and explicit types", async () => {
    const { model, warnings } = await readTypeOrmModel(SHOP_SOURCE);
    expect(warnings).toEqual([]);
    expect(model.tables.map((t) => `${t.schema}.${t.name}`).sort()).toEqual(['public.orders', 'public.products', 'public.users']);
    const users = model.tables.find((t) => t.name === 'users')!;
    expect(users.primaryKey).toEqual({ name: 'PK_a3ffb1c0c8416b9fc6f907b7433', columns: ['id'] });
    expect(users.uniques).toEqual([{ name: 'UQ_97672ac88f789774dd47f7c8be3', columns: ['email'] }]);
    expect(users.columns.map((c) => [c.name, c.type.name, c.type.modifiers.join(','), c.nullable, c.default?.kind ?? '-'])).toEqual([
      ['id', 'int4', '', false, 'sequence'],
      ['email', 'varchar', '255', false, '-'],
      ['name', 'varchar', '100', false, '-'],
      ['status', 'varchar', '20', false, 'literal'],
      ['created_at', 'timestamptz', '', false, 'now'],
    ]);
    const orders = model.tables.find((t) => t.name === 'orders')!;
    expect(orders.foreignKeys).toEqual([
      { name: 'FK_a922b820eeef29ac1c6800e826a', columns: ['user_id'], target: { schema: 'public', table: 'users', columns: ['id'] }, onDelete: 'cascade', onUpdate: 'no action' },
    ]);
    expect(orders.indexes).toEqual([{ name: 'orders_user_id_idx', unique: false, method: 'btree', elements: [{ value: 'user_id', expression: false }] }]);
    expect(orders.columns.find((c) => c.name === 'total')?.type).toMatchObject({ name: 'numeric', modifiers: ['10', '2'] });
  }, 60_000);

  it('is the schema TypeORM migration:generate creates, on the real server', async () => {
    const { model } = await readTypeOrmModel(SHOP_SOURCE);
    await withDatabase('dbm_typeorm_model_read', async (url, db) => {
      const generated = await typeormGenerate({ root: SHOP, dataSource: SHOP_SOURCE, name: 'All', timestamp: 1700000000000, url, urlEnv: 'DATABASE_URL' });
      expect(generated).toBeDefined();
      for (const sql of generated!.up) await db.query(sql);
      const created = await introspectSchema(db, { exclude: ['public.migrations'] });
      expect(formatDifferences(compareSchemas(byValue(created), byValue(model)))).toBe('');
    });
  }, 120_000);
});
