// A model as a catalog reader spells it (format_type names, pg_get_expr defaults, a qualified serial
// sequence), with what drizzle has trouble with: collations, casts, intervals, custom types, a column
// named like a keyword, two tables of one name, a self reference, indexes drizzle cannot write, a view.
import type { ColumnType, SchemaModel } from '@dbm/core';

const t = (name: string, sql: string, modifiers: string[] = []): ColumnType => ({ name, modifiers, arrayDims: 0, sql });
const int4 = t('int4', 'integer');

export const CATALOG_MODEL: SchemaModel = {
  tables: [
    {
      schema: 'archive',
      name: 'node',
      columns: [{ name: 'id', type: int4, nullable: false }],
      primaryKey: { name: 'node_pkey', columns: ['id'] },
      uniques: [],
      foreignKeys: [],
      checks: [],
      indexes: [],
    },
    {
      schema: 'public',
      name: 'node',
      columns: [
        { name: 'id', type: int4, nullable: false, default: { kind: 'sequence', sequence: 'public.node_id_seq' } },
        { name: 'parent_id', type: int4, nullable: true },
        { name: 'label', type: t('varchar', 'character varying(40)', ['40']), nullable: false, default: { kind: 'literal', sql: "'new'::character varying", value: 'new' }, collation: 'C' },
        { name: 'delta', type: int4, nullable: false, default: { kind: 'literal', sql: "'-1'::integer", value: -1 } },
        { name: 'span', type: t('interval', 'interval day to second(3)', ['7176', '3']), nullable: true },
        { name: 'doc', type: t('tsvector', 'tsvector'), nullable: true },
        { name: 'flags', type: t('bit', 'bit(8)', ['8']), nullable: true },
        { name: 'default', type: t('text', 'text'), nullable: true },
        { name: 'at', type: t('timestamp', 'timestamp(0) without time zone', ['0']), nullable: true, default: { kind: 'expression', sql: "now() AT TIME ZONE 'utc'" } },
      ],
      primaryKey: { name: 'node_pkey', columns: ['id'] },
      uniques: [],
      foreignKeys: [
        { name: 'node_parent_id_node_id_fk', columns: ['parent_id'], target: { schema: 'public', table: 'node', columns: ['id'] }, onDelete: 'cascade', onUpdate: 'no action' },
      ],
      checks: [],
      indexes: [
        { name: 'node_label_desc_idx', unique: false, method: 'btree', elements: [{ value: 'lower(label)', expression: true, order: 'desc' }] },
        { name: 'node_label_nnd_idx', unique: true, method: 'btree', elements: [{ value: 'label', expression: false }], nullsNotDistinct: true },
      ],
    },
  ],
  enums: [],
  extras: [
    { kind: 'view', name: 'public.node_labels', schema: 'public', sql: 'CREATE VIEW "public"."node_labels" AS SELECT label FROM node' },
    { kind: 'view', name: 'audit.node_ids', schema: 'audit', sql: 'CREATE VIEW "audit"."node_ids" AS SELECT id FROM public.node' },
  ],
};
