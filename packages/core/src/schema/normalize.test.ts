import { describe, expect, it } from 'vitest';
import { loadPostgresParser } from '../dialects/postgres/parse.js';
import { compareSchemas, formatDifferences } from './compare.js';
import { classifyDefault } from './defaults.js';
import type { ColumnModel, SchemaModel, TableModel } from './model.js';
import { normalizeSchema } from './normalize.js';
import { serialSequenceName } from './sequence-name.js';
import { schemaToSql } from './to-sql.js';
import { normalizeType } from './types.js';

const type = (name: string, modifiers: string[] = [], sql = name, arrayDims = 0, schema?: string) => ({ name, modifiers, arrayDims, sql, ...(schema ? { schema } : {}) });
const col = (name: string, t: ColumnModel['type'], extra: Partial<ColumnModel> = {}): ColumnModel => ({ name, type: t, nullable: true, ...extra });
const tbl = (name: string, columns: ColumnModel[], extra: Partial<TableModel> = {}): TableModel => ({
  schema: 'public',
  name,
  columns,
  uniques: [],
  foreignKeys: [],
  checks: [],
  indexes: [],
  ...extra,
});

describe('normalizeType', () => {
  it.each([
    [type('integer'), 'int4', [], 'integer'],
    [type('character varying', ['255']), 'varchar', ['255'], 'character varying(255)'],
    [type('varchar', ['255'], 'varchar(255)', 0, 'pg_catalog'), 'varchar', ['255'], 'character varying(255)'],
    [type('timestamptz', ['3']), 'timestamptz', ['3'], 'timestamp(3) with time zone'],
    [type('decimal', ['10']), 'numeric', ['10', '0'], 'numeric(10,0)'],
    [type('char', ['8']), 'bpchar', ['8'], 'character(8)'],
    [type('character'), 'bpchar', ['1'], 'character(1)'],
    [type('char', [], '"char"'), 'char', [], '"char"'],
    [type('boolean', [], 'boolean', 1), 'bool', [], 'boolean[]'],
    [type('serial'), 'int4', [], 'integer'],
    [type('Mood', [], 'x', 2, 'Odd Schema'), 'Mood', [], '"Odd Schema"."Mood"[][]'],
  ])('%j → %s', (t, name, modifiers, sql) => {
    expect(normalizeType(t)).toMatchObject({ name, modifiers, sql });
  });
});

describe('normalizeSchema', () => {
  const messy: SchemaModel = {
    tables: [
      tbl('b', [
        col('id', type('serial'), { nullable: false }),
        col('at', type('timestamp with time zone'), { default: { kind: 'expression', sql: ' now() ' } }),
        col('ref', type('uuid'), { default: { kind: 'expression', sql: 'gen_random_uuid()' } }),
        col('note', type('text'), { comment: '' }),
      ], {
        foreignKeys: [
          { name: 'z_fk', columns: ['id'], target: { schema: 'public', table: 'a', columns: ['id'] }, onDelete: 'CASCADE' as never, onUpdate: 'no action' },
          { name: 'a_fk', columns: ['id'], target: { schema: 'public', table: 'a', columns: ['id'] }, onDelete: 'no action', onUpdate: 'SET NULL' as never },
        ],
        indexes: [{ name: 'b_idx', unique: false, method: 'BTREE', elements: [{ value: 'at', expression: false, order: 'asc', nulls: 'last' }] }],
      }),
      tbl('a', [col('id', type('int4'))]),
    ],
    enums: [{ schema: 'public', name: 'e', values: ['z', 'a'] }],
    extras: [],
  };

  it('orders, spells and classifies canonically, and is idempotent', () => {
    const n = normalizeSchema(messy);
    expect(n.tables.map((t) => t.name)).toEqual(['a', 'b']);
    const b = n.tables[1]!;
    expect(b.columns.map((c) => c.name)).toEqual(['id', 'at', 'ref', 'note']);
    expect(b.columns[0]).toEqual({ name: 'id', type: type('int4', [], 'integer'), nullable: false, default: { kind: 'sequence', sequence: 'b_id_seq' } });
    expect(b.columns[1]?.default).toEqual({ kind: 'now', sql: 'now()' });
    expect(b.columns[2]?.default?.kind).toBe('uuid');
    expect(b.columns[3]).not.toHaveProperty('comment');
    expect(b.foreignKeys.map((f) => [f.name, f.onDelete, f.onUpdate])).toEqual([['a_fk', 'no action', 'set null'], ['z_fk', 'cascade', 'no action']]);
    expect(b.indexes[0]).toEqual({ name: 'b_idx', unique: false, method: 'btree', elements: [{ value: 'at', expression: false }] });
    expect(n.enums[0]?.values).toEqual(['z', 'a']);
    expect(normalizeSchema(n)).toStrictEqual(n);
    expect(JSON.parse(JSON.stringify(n))).toStrictEqual(n);
  });

  it('makes two spellings of one schema deep-equal', () => {
    const other: SchemaModel = {
      ...messy,
      tables: [
        messy.tables[1]!,
        tbl('b', [
          col('id', type('int4', [], 'int4', 0, 'pg_catalog'), { nullable: false, default: { kind: 'sequence', sequence: 'public.b_id_seq' } }),
          col('at', type('timestamptz'), { default: { kind: 'now', sql: 'now()' } }),
          col('ref', type('uuid'), { default: { kind: 'uuid', sql: 'gen_random_uuid()' } }),
          col('note', type('text')),
        ], {
          foreignKeys: [...messy.tables[0]!.foreignKeys].reverse().map((f) => ({ ...f, onDelete: f.onDelete.toLowerCase() as never, onUpdate: f.onUpdate.toLowerCase() as never })),
          indexes: [{ name: 'b_idx', unique: false, method: 'btree', elements: [{ value: 'at', expression: false }] }],
        }),
      ],
    };
    expect(normalizeSchema(other)).toStrictEqual(normalizeSchema(messy));
    expect(compareSchemas(messy, other)).toEqual([]);
  });
});

describe('compareSchemas', () => {
  it('names each difference with both values', () => {
    const a: SchemaModel = { tables: [tbl('t', [col('x', type('text')), col('y', type('int4'))])], enums: [], extras: [{ kind: 'view', name: 'public.v', sql: 'CREATE VIEW v AS SELECT 1' }] };
    const b: SchemaModel = {
      tables: [tbl('t', [col('y', type('int4')), col('x', type('text'), { nullable: false })], { comment: 'hi' })],
      enums: [{ schema: 'public', name: 'e', values: ['a'] }],
      extras: [],
    };
    const diffs = compareSchemas(a, b);
    expect(diffs.map((d) => d.path)).toEqual([
      'table public.t / column x / nullable',
      'table public.t / column order',
      'table public.t / comment',
      'enum public.e',
      'view public.v',
    ]);
    expect(formatDifferences(diffs)).toContain('table public.t / column x / nullable: true ≠ false');
  });
});

describe('defaults and names', () => {
  it('classifies defaults as PostgreSQL prints them', async () => {
    await loadPostgresParser();
    expect(classifyDefault("'new'::text")).toEqual({ kind: 'literal', sql: "'new'::text", value: 'new' });
    expect(classifyDefault("'-1'::integer")).toMatchObject({ kind: 'literal', value: -1 });
    expect(classifyDefault('false')).toMatchObject({ kind: 'literal', value: false });
    expect(classifyDefault('NULL::character varying')).toMatchObject({ kind: 'literal', value: null });
    expect(classifyDefault("'{}'::text[]")).toMatchObject({ kind: 'literal', value: '{}' });
    expect(classifyDefault('CURRENT_TIMESTAMP')).toMatchObject({ kind: 'now' });
    expect(classifyDefault("(now() AT TIME ZONE 'utc'::text)")).toMatchObject({ kind: 'expression' });
  });

  it('names serial sequences as PostgreSQL does, shortened past 63 bytes', () => {
    expect(serialSequenceName('users', 'id')).toBe('users_id_seq');
    const long = serialSequenceName('t'.repeat(60), 'c'.repeat(10));
    expect(long).toBe(`${'t'.repeat(48)}_${'c'.repeat(10)}_seq`);
    expect(Buffer.byteLength(long)).toBe(63);
  });

  it('writes a serial default as serial only when the sequence has serial\'s name', () => {
    const sql = schemaToSql({
      tables: [tbl('t', [col('a', type('int4'), { nullable: false, default: { kind: 'sequence', sequence: 't_a_seq' } }), col('b', type('int8'), { nullable: false, default: { kind: 'sequence', sequence: 'old_b_seq' } })])],
      enums: [],
      extras: [],
    });
    expect(sql).toContain('"a" serial');
    expect(sql).toContain('CREATE SEQUENCE "public"."old_b_seq" AS bigint;');
    expect(sql).toContain(`"b" bigint DEFAULT nextval('"public"."old_b_seq"'::regclass) NOT NULL`);
    expect(sql).toContain('ALTER SEQUENCE "public"."old_b_seq" OWNED BY "public"."t"."b";');
  });
});
