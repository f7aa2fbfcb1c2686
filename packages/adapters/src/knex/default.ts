/**
 * A column default (SQL text) as the argument of knex's `.defaultTo()`. Plain values where knex writes
 * them back as the same SQL (so the catalog ends up as the SQL would leave it), `knex.fn.now()` for
 * CURRENT_TIMESTAMP, and `knex.raw(…)` for any other expression.
 */
import type { ColumnType } from '@dbm/core';
import { jsString } from './js.js';

const TEXT_TYPES = new Set(['text', 'varchar', 'bpchar']);
const TEXT_CASTS = new Set(['text', 'character varying', 'varchar']);
// knex writes a number as a quoted literal ('0'): the same catalog entry as 0 only for integer columns
const INTEGER_TYPES = new Set(['int4']);

/** The JavaScript argument for `.defaultTo()`, or undefined when the SQL has a `?` knex would rewrite. */
export function defaultArg(expr: string, type: ColumnType): string | undefined {
  if (expr.includes('?')) return undefined;
  const scalar = type.arrayDims === 0 && (!type.schema || type.schema === 'pg_catalog');
  const text = /^'((?:[^']|'')*)'(?:::([a-z ]+))?$/.exec(expr);
  if (text && scalar && TEXT_TYPES.has(type.name) && (text[2] === undefined || TEXT_CASTS.has(text[2]))) {
    return jsString(text[1]!.replace(/''/g, "'"));
  }
  if (scalar && INTEGER_TYPES.has(type.name) && /^-?\d{1,15}$/.test(expr) && !/^-?0\d/.test(expr)) return expr;
  if (scalar && type.name === 'bool' && (expr === 'true' || expr === 'false')) return expr;
  if (/^current_timestamp$/i.test(expr)) return 'knex.fn.now()';
  return `knex.raw(${jsString(expr)})`;
}
