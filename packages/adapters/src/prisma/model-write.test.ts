/**
 * writePrismaSchema against Prisma itself: a schema read and written back is the schema the user
 * wrote (up to block order), what it writes validates and renders, through Prisma's own engine, to
 * the model it was written from, and the names it leaves to Prisma are the names Prisma picks.
 */
import { readFile } from 'node:fs/promises';
import { compareSchemas, formatDifferences, type SchemaModel, type TableModel } from '@dbm/core';
import { formatSchema } from '@prisma/internals';
import { describe, expect, it } from 'vitest';
import { prismaConstraintName } from './model-names.js';
import { RICH_SCHEMA } from './model-prisma.testkit.js';
import { readPrismaModel } from './model-read.js';
import { writePrismaSchema } from './model-write.js';

const EXAMPLE = new URL('../../../../examples/prisma-postgres/prisma/schema.prisma', import.meta.url);

async function format(text: string): Promise<string> {
  const [[, out] = ['', '']] = await formatSchema({ schemas: [['schema.prisma', text]] });
  return out;
}

/** The top-level blocks of a schema (a leading comment stays with the block after it). */
const blocks = (text: string) =>
  text
    .split(/^}\n/m)
    .map((b) => b.trim())
    .filter(Boolean)
    .map((b) => `${b}\n}`);

const column = (name: string, type: string, modifiers: string[] = []): TableModel['columns'][number] => ({
  name,
  type: { name: type, modifiers, arrayDims: 0, sql: type },
  nullable: false,
});

describe('writePrismaSchema', () => {
  it("writes the example app's schema back as it was written, up to the order of its blocks", async () => {
    const original = await format(await readFile(EXAMPLE, 'utf8'));
    const { model } = await readPrismaModel(original);
    const { schema, warnings } = await writePrismaSchema(model, {
      header: 'A small shop: users place orders for products.',
      generator: { provider: 'prisma-client', output: '../src/generated/prisma' },
    });
    expect(warnings).toEqual([]);
    expect(blocks(schema).sort()).toEqual(blocks(original).sort());
    // the only difference: models come in table-name order, enums after them
    const head = (b: string) => b.split('\n').find((l) => /^(model|enum|generator|datasource) /.test(l));
    expect(blocks(original).map(head)).toEqual(['generator client {', 'datasource db {', 'model User {', 'model Product {', 'enum OrderStatus {', 'model Order {']);
    expect(blocks(schema).map(head)).toEqual(['generator client {', 'datasource db {', 'model Order {', 'model Product {', 'model User {', 'enum OrderStatus {']);
  });

  it('is read back by Prisma as the model it was written from (multiSchema, enum @map, relations, native types)', async () => {
    const first = await readPrismaModel(RICH_SCHEMA);
    const written = await writePrismaSchema(first.model);
    expect(written.warnings.map((w) => w.object)).toEqual(['shop.customers.span']); // Unsupported("interval")
    const again = await readPrismaModel(written.schema);
    expect(formatDifferences(compareSchemas(again.model, first.model))).toBe('');
    // and writing is stable
    expect((await writePrismaSchema(again.model)).schema).toBe(written.schema);
  });

  it("leaves out @db for each scalar's default type, and Prisma's SQL gives that type", async () => {
    const defaults = [
      column('s', 'text'),
      column('i', 'int4'),
      column('b', 'int8'),
      column('f', 'float8'),
      column('d', 'numeric', ['65', '30']),
      column('t', 'timestamp', ['3']),
      column('o', 'bool'),
      column('j', 'jsonb'),
      column('y', 'bytea'),
    ];
    const model: SchemaModel = {
      tables: [{ schema: 'public', name: 't', columns: defaults, primaryKey: { name: 't_pkey', columns: ['i'] }, uniques: [], foreignKeys: [], checks: [], indexes: [] }],
      enums: [],
      extras: [],
    };
    const { schema } = await writePrismaSchema(model);
    expect(schema).not.toContain('@db.');
    expect(schema.replace(/ +/g, ' ')).toContain('model T {\n s String\n i Int @id\n b BigInt\n f Float\n d Decimal\n t DateTime\n o Boolean\n j Json\n y Bytes\n\n @@map("t")\n}');
    const back = await readPrismaModel(schema);
    expect(formatDifferences(compareSchemas(back.model, model))).toBe('');
  });

  it("computes the constraint names Prisma gives, cut to 63 bytes as Prisma cuts them", async () => {
    const table = 'a_table_name_long_enough_to_need_cutting_'.padEnd(60, 'x');
    const schema = `datasource db {\n  provider = "postgresql"\n}\n
model P {\n  id Int @id\n  kids K[]\n}\n
model K {\n  a_rather_long_column Int\n  another_long_column Int\n  p_id Int\n  p P @relation(fields: [p_id], references: [id])\n
  @@id([a_rather_long_column, another_long_column])\n  @@unique([another_long_column, p_id])\n  @@index([p_id, a_rather_long_column])\n  @@map("${table}")\n}\n`;
    const { model } = await readPrismaModel(schema);
    const k = model.tables.find((t) => t.name === table)!;
    expect(k.primaryKey?.name).toBe(prismaConstraintName(table, [], 'pkey'));
    expect(k.indexes.map((i) => i.name).sort()).toEqual(
      [prismaConstraintName(table, ['another_long_column', 'p_id'], 'key'), prismaConstraintName(table, ['p_id', 'a_rather_long_column'], 'idx')].sort(),
    );
    expect(k.foreignKeys[0]?.name).toBe(prismaConstraintName(table, ['p_id'], 'fkey'));
    expect(k.primaryKey?.name).toHaveLength(63);
  });
});
