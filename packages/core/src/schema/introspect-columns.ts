/** Catalog rows of columns → {@link ColumnModel}. */
import { parseSync } from '../dialects/postgres/wasm.js';
import { as, selectTarget, type Body } from '../dialects/postgres/ast.js';
import { columnType } from '../dialects/postgres/types.js';
import { classifyDefault } from './defaults.js';
import { SchemaIntrospectionError } from './introspect-error.js';
import type { ColumnModel, DefaultModel } from './model.js';
import { typeSql } from './types.js';
import type { ColumnType } from '../operations/common.js';

type Row = Record<string, unknown>;

/**
 * The modifiers of a type as format_type() printed it, read by the parser (`numeric(10,2)` → 10, 2).
 * interval keeps only its precision: its field mask is not a modifier anyone writes, and an interval
 * with fields (`interval day to second`) keeps its whole text instead.
 */
function modifiers(formatted: string, name: string): { modifiers: string[]; sql: string } {
  let parsed: ColumnType;
  try {
    const stmt = (parseSync(`SELECT NULL::${formatted}`) as { stmts: { stmt: Body }[] }).stmts[0]!.stmt;
    parsed = columnType(as(selectTarget(stmt), 'TypeCast')?.typeName);
  } catch (e) {
    throw new SchemaIntrospectionError(`cannot read the type ${formatted}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (name !== 'interval') return { modifiers: [...parsed.modifiers], sql: formatted };
  const precision = parsed.modifiers.length === 2 ? [parsed.modifiers[1]!] : [];
  return { modifiers: /^interval\s+[a-z]/.test(formatted) ? [] : precision, sql: formatted };
}

/** The column's type from its catalog row (element type, modifiers, array dimensions). */
function columnTypeOf(r: Row): ColumnType {
  const name = String(r.type_name);
  const schema = r.type_schema === 'pg_catalog' ? undefined : String(r.type_schema);
  const arrayDims = r.is_array ? Math.max(1, Number(r.ndims ?? 0)) : 0;
  const m = schema ? { modifiers: modifiers(String(r.formatted), name).modifiers, sql: '' } : modifiers(String(r.formatted), name);
  const t = { name, ...(schema ? { schema } : {}), modifiers: m.modifiers, arrayDims, sql: m.sql };
  return { ...t, sql: typeSql(t) };
}

function defaultOf(r: Row, tableSchema: string): DefaultModel | undefined {
  if (r.expr === null || r.expr === undefined) return undefined;
  if (r.serial_default) {
    const seq = String(r.sequence);
    return { kind: 'sequence', sequence: r.sequence_schema === tableSchema ? seq : `${String(r.sequence_schema)}.${seq}` };
  }
  return classifyDefault(String(r.expr));
}

/** A column from its catalog row; `table` names it in errors. */
export function columnOf(r: Row, tableSchema: string, table: string): ColumnModel {
  const identity = r.identity === 'a' ? 'always' : r.identity === 'd' ? 'by default' : undefined;
  if (r.generated && r.generated !== 's') {
    throw new SchemaIntrospectionError(`${table}.${String(r.name)}: virtual generated columns are not supported yet`);
  }
  const generated = r.generated === 's' ? String(r.expr) : undefined;
  const def = identity || generated !== undefined ? undefined : defaultOf(r, tableSchema);
  const collation = r.collation ? (r.collation_schema === 'pg_catalog' ? String(r.collation) : `${String(r.collation_schema)}.${String(r.collation)}`) : undefined;
  return {
    name: String(r.name),
    type: columnTypeOf(r),
    nullable: r.notnull !== true,
    ...(def ? { default: def } : {}),
    ...(identity ? { identity } : {}),
    ...(generated !== undefined ? { generated } : {}),
    ...(collation ? { collation } : {}),
    ...(r.comment ? { comment: String(r.comment) } : {}),
  };
}
