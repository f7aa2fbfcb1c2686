/**
 * Column defaults as Prisma attributes. Prisma's own idiom is used only where the SQL it then writes
 * gives the database the same default text (so a translated schema's catalogs match the source's):
 * `autoincrement()` for a serial sequence, `now()` for CURRENT_TIMESTAMP, a literal for a constant
 * Prisma writes back unchanged; anything else keeps its exact SQL in `dbgenerated("…")`.
 */
import type { ColumnModel, DefaultModel } from '@dbm/core';
import { canonicalTypeName } from './model-types.js';

/** A Prisma string literal. */
export function prismaString(s: string): string {
  return JSON.stringify(s);
}

const dbgenerated = (sql: string) => `@default(dbgenerated(${prismaString(sql)}))`;

const NUMBER = /^-?\d+(\.\d+)?$/;
/** `'text'::type` with one cast: what Prisma's `DEFAULT 'text'` becomes on a column of that type. */
const CAST_STRING = /^'((?:[^']|'')*)'::[^:']+$/;
const STRING_TYPES = new Set(['text', 'varchar', 'bpchar', 'uuid', 'xml', 'inet', 'citext', 'bit', 'varbit', 'json', 'jsonb']);

/** Context the writer knows about the column. */
export interface DefaultContext {
  readonly column: ColumnModel;
  /** The sequence a serial column of this table would own (`<table>_<column>_seq`). */
  readonly serialSequence: string;
  /** The Prisma name of an enum value, when the column is of an enum type. */
  readonly enumValue?: (value: string) => string | undefined;
  /** The column's Prisma scalar is a list. */
  readonly list: boolean;
}

function literal(d: Extract<DefaultModel, { kind: 'literal' }>, ctx: DefaultContext): string | undefined {
  const type = canonicalTypeName(ctx.column.type);
  // an empty list is the one list default Prisma spells itself (and reads back from '{}' as the same)
  if (ctx.list) return /^'\{\}'(::.+)?$/.test(d.sql) ? '@default([])' : undefined;
  if (typeof d.value === 'boolean' && d.sql === String(d.value)) return `@default(${d.value})`;
  const negative = /^'(-\d+(\.\d+)?)'::[a-z ]+$/.exec(d.sql);
  if (typeof d.value === 'number' && (NUMBER.test(d.sql) || negative)) return `@default(${negative ? negative[1] : d.sql})`;
  if (typeof d.value === 'string' && CAST_STRING.test(d.sql)) {
    if (ctx.enumValue) {
      const name = ctx.enumValue(d.value);
      return name ? `@default(${name})` : undefined;
    }
    if (STRING_TYPES.has(type)) return `@default(${prismaString(d.value)})`;
  }
  return undefined;
}

/**
 * The `@default(...)` attribute for a column, or undefined when it has none. Integer identity columns
 * get `autoincrement()`, other identity and generated columns `dbgenerated()` (the database fills them;
 * the writer adds the SQL making them so).
 */
export function prismaDefaultAttribute(ctx: DefaultContext): string | undefined {
  const { column } = ctx;
  // Prisma reads an integer identity column as autoincrement(): declared so, its differ leaves it alone
  if (column.identity && ['int2', 'int4', 'int8'].includes(canonicalTypeName(column.type)) && column.type.arrayDims === 0) return '@default(autoincrement())';
  if (column.identity || column.generated !== undefined) return '@default(dbgenerated())';
  const d = column.default;
  if (!d) return undefined;
  switch (d.kind) {
    case 'sequence': {
      const integer = ['int2', 'int4', 'int8'].includes(canonicalTypeName(column.type)) && column.type.arrayDims === 0;
      const own = d.sequence === ctx.serialSequence || d.sequence.endsWith(`.${ctx.serialSequence}`);
      return integer && own ? '@default(autoincrement())' : dbgenerated(`nextval('${d.sequence.replace(/'/g, "''")}'::regclass)`);
    }
    case 'now':
      return d.sql.toUpperCase() === 'CURRENT_TIMESTAMP' ? '@default(now())' : dbgenerated(d.sql);
    case 'literal':
      return literal(d, ctx) ?? dbgenerated(d.sql);
    case 'uuid':
    case 'expression':
      return dbgenerated(d.sql);
  }
}
