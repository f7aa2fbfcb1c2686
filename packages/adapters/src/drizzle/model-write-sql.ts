/**
 * Raw SQL for what a drizzle schema cannot say (comments, collations, deferrable foreign keys, indexes
 * with INCLUDE…), carried by the writer's warnings; and the checks that an SQL fragment fits where
 * drizzle-kit will paste it, by asking PostgreSQL's parser.
 */
import { addForeignKey, compilePostgres, ident, indexOperation, literal, parsePostgres, type ColumnModel, type ForeignKeyModel, type IndexModel, type TableModel } from '@dbm/core';
import { tableSql } from './model-write-context.js';

function parses(text: string): boolean {
  try {
    parsePostgres(text);
    return true;
  } catch {
    return false;
  }
}

/** A default as drizzle-kit pastes it after DEFAULT: parenthesised when PostgreSQL needs it. */
export function defaultSqlText(sql: string): string {
  return parses(`CREATE TABLE t (c int DEFAULT ${sql})`) ? sql : `(${sql})`;
}

/** An index expression as drizzle-kit pastes it in the column list: parenthesised unless a function call. */
export function indexExpressionText(expr: string): string {
  return parses(`CREATE INDEX i ON t (${expr})`) ? expr : `(${expr})`;
}

/** COMMENT ON TABLE. */
export function tableCommentSql(t: TableModel, comment: string): string {
  return `COMMENT ON TABLE ${tableSql(t)} IS ${literal(comment)}`;
}

/** COMMENT ON COLUMN. */
export function columnCommentSql(t: TableModel, c: ColumnModel, comment: string): string {
  return `COMMENT ON COLUMN ${tableSql(t)}.${ident(c.name)} IS ${literal(comment)}`;
}

/** The column's collation, set after drizzle-kit created it. */
export function collationSql(t: TableModel, c: ColumnModel, collation: string): string {
  const name = collation.split('.').map(ident).join('.');
  return `ALTER TABLE ${tableSql(t)} ALTER COLUMN ${ident(c.name)} TYPE ${c.type.sql} COLLATE ${name}`;
}

/** DEFERRABLE on a foreign key drizzle-kit created without it. */
export function deferrableSql(t: TableModel, fk: ForeignKeyModel): string {
  return `ALTER TABLE ${tableSql(t)} ALTER CONSTRAINT ${ident(fk.name)} DEFERRABLE INITIALLY ${fk.deferrable!.toUpperCase()}`;
}

/** The whole foreign key, for one drizzle cannot reference (its target is not in the model). */
export function foreignKeySql(t: TableModel, fk: ForeignKeyModel): string {
  return compilePostgres(
    addForeignKey({
      table: { schema: t.schema, name: t.name },
      name: fk.name,
      columns: fk.columns,
      target: { table: { schema: fk.target.schema, name: fk.target.table }, columns: fk.target.columns, onDelete: fk.onDelete, onUpdate: fk.onUpdate, ...(fk.deferrable ? { deferrable: fk.deferrable } : {}) },
      notValid: false,
    }),
  );
}

/** The whole CREATE INDEX, for one drizzle cannot write. */
export function indexSql(t: TableModel, i: IndexModel): string {
  return compilePostgres(indexOperation(t, i));
}
