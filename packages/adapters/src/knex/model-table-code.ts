/**
 * One table of the model as knex builder code: the operation → knex translation of CREATE TABLE
 * (create-table.ts), with the model's extras knex can say too — enum columns as `t.enu(…, { useNative:
 * true, enumName })`, comments as `.comment()` / `t.comment()`. What it cannot say goes to `knex.raw`.
 */
import { compilePostgres, serialSequenceName, type ColumnModel, type EnumModel, type ForeignKeyModel, type SchemaWarning, type TableModel } from '@dbm/core';
import { columnsArg } from './column.js';
import { createTable } from './create-table.js';
import type { Item } from './item.js';
import { jsList, jsString, rawCall } from './js.js';
import { commentSql, isDefaultSequence, objectName, serialType, tableOperation } from './model-ops.js';

/** How each enum type gets created: by the `t.enu` of one column, or by raw SQL before the tables. */
export interface EnumPlan {
  /** `schema.table.column` of the column whose `t.enu` creates the type, by enum key. */
  readonly creator: ReadonlyMap<string, string>;
  readonly byKey: ReadonlyMap<string, EnumModel>;
}

const enumKey = (schema: string, name: string) => `${schema}.${name}`;

/** The enum a column uses, if any. */
export function enumOf(c: ColumnModel, plan: EnumPlan): EnumModel | undefined {
  return c.type.schema && c.type.schema !== 'pg_catalog' ? plan.byKey.get(enumKey(c.type.schema, c.type.name)) : undefined;
}

/** `t.enu(…)` for a scalar enum column; undefined for an array of an enum (knex has no such builder). */
function enuCall(t: TableModel, c: ColumnModel, e: EnumModel, plan: EnumPlan): string | undefined {
  if (c.type.arrayDims > 0) return undefined;
  const creates = plan.creator.get(enumKey(e.schema, e.name)) === `${t.schema}.${t.name}.${c.name}`;
  // knex qualifies the type with the table's schema unless told another
  const schemaName = e.schema !== t.schema || t.schema !== 'public' ? `, schemaName: ${jsString(e.schema)}` : '';
  const values = creates ? jsList(e.values) : 'null';
  return `t.enu(${jsString(c.name)}, ${values}, { useNative: true, ${creates ? '' : 'existingType: true, '}enumName: ${jsString(e.name)}${schemaName} })`;
}

// knex doubles a lone quote in a column comment but leaves '' alone, and quotes a table comment as is
const columnCommentOk = (s: string) => !s.includes("''");
const tableCommentOk = (s: string) => !s.includes("'");

/** The items creating `t` (with the foreign keys in `fks`), and the warnings for what went to raw SQL. */
export function tableItems(t: TableModel, fks: readonly ForeignKeyModel[], plan: EnumPlan, warnings: SchemaWarning[]): Item[] {
  const op = tableOperation(t, fks, true);
  for (const c of t.columns) {
    const serial = serialType(c);
    if (serial && c.default?.kind === 'sequence' && !isDefaultSequence(t, c.name, c.default.sequence)) {
      warnings.push({ object: objectName(t, c.name), message: `sequence ${c.default.sequence}: a ${serial.name} column creates ${serialSequenceName(t.name, c.name)}` });
    }
  }
  const created = createTable(op);
  const comments: string[] = [];
  if (!created || created[0]?.kind !== 'table') {
    const sql = compilePostgres(op);
    warnings.push({ object: objectName(t), message: "knex's createTable cannot say this table exactly: created by raw SQL", rawSql: sql });
    if (t.comment !== undefined) comments.push(commentSql(t, undefined, t.comment));
    for (const c of t.columns) if (c.comment !== undefined) comments.push(commentSql(t, c.name, c.comment));
    return [{ kind: 'statement', code: rawCall(sql) }, ...comments.map((s) => ({ kind: 'statement' as const, code: rawCall(s) }))];
  }
  const item = created[0];
  const lines = [...item.lines];
  t.columns.forEach((c, i) => {
    const e = enumOf(c, plan);
    const generic = `t.specificType(${jsString(c.name)}, ${jsString(op.columns[i]!.type.sql)})`;
    const enu = e ? enuCall(t, c, e, plan) : undefined;
    if (enu && lines[i]!.startsWith(generic)) lines[i] = enu + lines[i]!.slice(generic.length);
    if (c.comment !== undefined) {
      if (columnCommentOk(c.comment)) lines[i] += `.comment(${jsString(c.comment)})`;
      else comments.push(commentSql(t, c.name, c.comment));
    }
  });
  if (t.comment !== undefined) {
    if (tableCommentOk(t.comment)) lines.push(`t.comment(${jsString(t.comment)})`);
    else comments.push(commentSql(t, undefined, t.comment));
  }
  for (const sql of comments) warnings.push({ object: objectName(t), message: 'knex writes this comment without escaping its quotes: set by raw SQL', rawSql: sql });
  return [{ ...item, lines }, ...comments.map((s) => ({ kind: 'statement' as const, code: rawCall(s) }))];
}

/** `t.dropForeign([...], name)` for a key added after the tables, to drop it before them. */
export function dropForeignLine(fk: ForeignKeyModel): string {
  return `t.dropForeign(${columnsArg(fk.columns)}, ${jsString(fk.name)})`;
}
