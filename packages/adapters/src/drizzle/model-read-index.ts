/**
 * One index of drizzle-kit's snapshot → {@link IndexModel}, as drizzle-kit will create it. Its SQL
 * spells NULLS only where it differs from the direction's default, and leaves out DESC and NULLS on a
 * column with an operator class: the model follows the SQL, and reports what drizzle-kit loses.
 */
import type { IndexElement, IndexModel, SchemaWarning } from '@dbm/core';
import { pgIdentifier } from './model-pg-names.js';

/** An index column in drizzle-kit's snapshot. */
export interface PgIndexColumnJson {
  readonly expression: string;
  readonly isExpression: boolean;
  readonly asc: boolean;
  readonly nulls?: 'first' | 'last';
  readonly opclass?: string;
}

/** An index in drizzle-kit's snapshot. */
export interface PgIndexJson {
  readonly name: string;
  readonly columns: readonly PgIndexColumnJson[];
  readonly isUnique: boolean;
  readonly where?: string;
  readonly method?: string;
  readonly concurrently?: boolean;
  readonly with?: Record<string, unknown>;
}

function element(c: PgIndexColumnJson, object: string, warnings: SchemaWarning[]): IndexElement {
  const base = { value: c.expression, expression: c.isExpression };
  if (c.opclass) {
    if (!c.asc || (c.nulls && c.nulls !== 'last')) {
      warnings.push({ object, message: `drizzle-kit writes "${c.expression} ${c.opclass}" without its DESC / NULLS ordering; read as it will be created` });
    }
    return { ...base, opclass: c.opclass };
  }
  const nulls = c.nulls ?? 'last';
  // PostgreSQL's defaults: NULLS LAST ascending, NULLS FIRST descending; the model keeps only departures
  const odd = c.asc ? nulls === 'first' : nulls === 'last';
  return { ...base, ...(c.asc ? {} : { order: 'desc' as const }), ...(odd ? { nulls } : {}) };
}

/** Maps one snapshot index (`object` names it in warnings). */
export function readIndex(i: PgIndexJson, object: string, warnings: SchemaWarning[]): IndexModel {
  const withKeys = Object.keys(i.with ?? {});
  if (withKeys.length) warnings.push({ object, message: `index storage parameters (${withKeys.join(', ')}) are not kept in the model` });
  return {
    name: pgIdentifier(i.name),
    unique: i.isUnique,
    method: i.method ?? 'btree',
    elements: i.columns.map((c) => element(c, object, warnings)),
    ...(i.where ? { where: i.where } : {}),
  };
}
