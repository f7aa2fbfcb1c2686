/**
 * readPrismaModel against Prisma itself: the model read from a schema equals the model introspected
 * from a real database on which Prisma's own baseline SQL for that schema ran.
 */
import { readFile } from 'node:fs/promises';
import { compareSchemas, formatDifferences, introspectSchema } from '@dbm/core';
import { describe, expect, it } from 'vitest';
import { readPrismaModel } from './model-read.js';
import { prismaBaseline, RICH_SCHEMA, withDatabase } from './model-prisma.testkit.js';

const EXAMPLE = new URL('../../../../examples/prisma-postgres/prisma/schema.prisma', import.meta.url);


describe('readPrismaModel', () => {
  it("reads the example app's schema: Prisma's types, names and actions", async () => {
    const { model, warnings } = await readPrismaModel(await readFile(EXAMPLE, 'utf8'));
    expect(warnings).toEqual([]);
    expect(model.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(['public.orders', 'public.products', 'public.users']);
    const orders = model.tables.find((t) => t.name === 'orders')!;
    expect(orders.columns.map((c) => `${c.name} ${c.type.sql}${c.nullable ? '' : ' not null'}`)).toEqual([
      'id integer not null',
      'user_id integer not null',
      'product_id integer not null',
      'quantity integer not null',
      'total_cents integer not null',
      'status "public"."OrderStatus" not null',
      'created_at timestamp(3) without time zone not null',
    ]);
    expect(orders.columns.map((c) => c.default)).toEqual([
      { kind: 'sequence', sequence: 'orders_id_seq' },
      undefined,
      undefined,
      { kind: 'literal', sql: '1', value: 1 },
      undefined,
      { kind: 'literal', sql: `'pending'::public."OrderStatus"`, value: 'pending' },
      { kind: 'now', sql: 'CURRENT_TIMESTAMP' },
    ]);
    expect(orders.foreignKeys.map((f) => `${f.name} ${f.onDelete}/${f.onUpdate}`)).toEqual([
      'orders_product_id_fkey restrict/cascade',
      'orders_user_id_fkey restrict/cascade',
    ]);
    expect(orders.indexes.map((i) => i.name)).toEqual(['orders_status_created_at_idx', 'orders_user_id_idx']);
    expect(model.enums).toEqual([{ schema: 'public', name: 'OrderStatus', values: ['pending', 'paid', 'shipped'] }]);
  });

  it("equals the model of the database Prisma's own SQL builds (real server)", async () => {
    const { model, warnings } = await readPrismaModel(RICH_SCHEMA);
    await withDatabase('dbm_prisma_read', async (url, client) => {
      await client.query(await prismaBaseline(url, RICH_SCHEMA));
      expect(formatDifferences(compareSchemas(model, await introspectSchema(client)))).toBe('');
    });
    // what lives in Prisma Client only is reported, not put in the model
    expect(warnings.map((w) => w.object)).toEqual(['customers.id', 'customers.updatedAt']);
  });

  it('keeps what the DMMF loses: foreign key names, enum schemas, Unsupported columns, literals as written', async () => {
    const { model } = await readPrismaModel(RICH_SCHEMA);
    const customers = model.tables.find((t) => t.name === 'customers')!;
    const orders = model.tables.find((t) => t.name === 'Order')!;
    expect(orders.foreignKeys.map((f) => f.name)).toEqual(['Order_customer_id_parentNo_fkey', 'orders_customer_fk']);
    expect(model.enums.map((e) => `${e.schema}.${e.name}`)).toEqual(['shop.status_t']);
    expect(customers.columns.find((c) => c.name === 'span')?.type.name).toBe('interval');
    expect(customers.columns.find((c) => c.name === 'balance')?.default).toEqual({ kind: 'literal', sql: '0.00', value: 0 });
  });

  it("rejects an invalid schema with Prisma's message", async () => {
    await expect(readPrismaModel('datasource db {\n  provider = "postgresql"\n}\nmodel A {\n  id Int\n}\n')).rejects.toThrow(/unique criteria|@id/);
  });
});
