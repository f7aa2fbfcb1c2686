/**
 * SchemaModel pieces as operations of the neutral operation model, so the knex writer can reuse the
 * operation → knex translation (and both writers get exact SQL from compilePostgres for what their ORM
 * cannot say). Serial columns become their `serial` pseudo-type again, as a CREATE TABLE writes them.
 */
import {
  addForeignKey,
  createEnum,
  createTable,
  ident,
  indexOperation,
  literal,
  modelTableName,
  qname,
  serialSequenceName,
  type AddForeignKey,
  type ColumnDef,
  type ColumnModel,
  type ColumnType,
  type CreateEnum,
  type CreateTable,
  type DefaultModel,
  type EnumModel,
  type ForeignKeyModel,
  type IndexModel,
  type TableConstraint,
  type TableModel,
} from '@dbm/core';

const SERIAL_OF: Readonly<Record<string, string>> = { int4: 'serial', int8: 'bigserial', int2: 'smallserial' };

/** The table's name as operations take it (`bare`: without `public`); core's, under the name the knex writer uses. */
export const tableName = modelTableName;

/** CREATE INDEX of a model index: core's. */
export { indexOperation };

/** `schema.table.object`, how warnings name what they are about. */
export const objectName = (t: TableModel, name?: string): string => `${t.schema}.${t.name}${name ? `.${name}` : ''}`;

/** Whether `sequence` (as the model records it, maybe qualified or quoted) is the name a serial column gets. */
export function isDefaultSequence(table: TableModel, column: string, sequence: string): boolean {
  const bare = sequence.replace(/"/g, '').split('.').pop();
  return bare === serialSequenceName(table.name, column);
}

/** A serial column's pseudo-type (serial, bigserial, smallserial); undefined when the column is no serial. */
export function serialType(c: ColumnModel): ColumnType | undefined {
  if (c.default?.kind !== 'sequence' || c.type.arrayDims > 0) return undefined;
  const name = SERIAL_OF[c.type.name];
  return name ? { name, modifiers: [], arrayDims: 0, sql: name } : undefined;
}

const SIMPLE_DEFAULT = /^(?:'(?:[^']|'')*'(?:::[\w ."[\]()]+)?|-?\d+(?:\.\d+)?|[\w.]+(?:\(\))?|[\w.]+\('(?:[^']|'')*'(?:::[\w ."]+)?\))$/;

/** The SQL of a default as it can follow DEFAULT (anything but a simple term parenthesised). */
export function defaultSql(d: DefaultModel): string | undefined {
  if (d.kind === 'sequence') return undefined;
  return SIMPLE_DEFAULT.test(d.sql) ? d.sql : `(${d.sql})`;
}

/** A column as a column definition of CREATE TABLE. */
export function columnDef(c: ColumnModel): ColumnDef {
  const serial = serialType(c);
  const def = c.default && !serial ? defaultSql(c.default) : undefined;
  return {
    name: c.name,
    type: serial ?? c.type,
    notNull: !c.nullable,
    ...(def !== undefined ? { default: def } : {}),
    ...(c.identity ? { identity: c.identity } : {}),
    ...(c.generated !== undefined ? { generated: c.generated } : {}),
    ...(c.collation !== undefined ? { collation: c.collation.split('.').map(ident).join('.') } : {}),
    constraints: [],
  };
}

/** A foreign key as the target of a constraint. */
function fkTarget(fk: ForeignKeyModel, bare: boolean) {
  return {
    table: tableName({ schema: fk.target.schema, name: fk.target.table }, bare),
    columns: fk.target.columns,
    onDelete: fk.onDelete,
    onUpdate: fk.onUpdate,
    ...(fk.deferrable ? { deferrable: fk.deferrable } : {}),
  };
}

/** CREATE TABLE with the columns, key, uniques and checks; the foreign keys in `foreignKeys` join it. `bare`: see {@link tableName}. */
export function tableOperation(t: TableModel, foreignKeys: readonly ForeignKeyModel[] = [], bare = false): CreateTable {
  const constraints: TableConstraint[] = [];
  if (t.primaryKey) constraints.push({ type: 'primaryKey', name: t.primaryKey.name, columns: t.primaryKey.columns });
  for (const u of t.uniques) constraints.push({ type: 'unique', name: u.name, columns: u.columns, ...(u.nullsNotDistinct ? { nullsNotDistinct: true } : {}) });
  for (const k of t.checks) constraints.push({ type: 'check', name: k.name, expr: k.expr });
  for (const fk of foreignKeys) constraints.push({ type: 'foreignKey', name: fk.name, columns: fk.columns, target: fkTarget(fk, bare) });
  return createTable({ table: tableName(t, bare), columns: t.columns.map(columnDef), constraints, ifNotExists: false, persistence: 'permanent' });
}

/** ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY. */
export function foreignKeyOperation(t: TableModel, fk: ForeignKeyModel, bare = false): AddForeignKey {
  return addForeignKey({ table: tableName(t, bare), name: fk.name, columns: fk.columns, target: fkTarget(fk, bare), notValid: false });
}


/** CREATE TYPE … AS ENUM. */
export function enumOperation(e: EnumModel): CreateEnum {
  return createEnum({ type: tableName(e), values: e.values });
}

/** COMMENT ON TABLE / COLUMN. */
export function commentSql(t: TableModel, column: string | undefined, comment: string): string {
  const target = column === undefined ? `TABLE ${qname(tableName(t))}` : `COLUMN ${qname(tableName(t))}.${ident(column)}`;
  return `COMMENT ON ${target} IS ${literal(comment)}`;
}

/**
 * The tables in an order where each one's foreign keys point to tables created before it (or to itself);
 * the keys that cannot be placed so (cycles) come back apart, to be added after every table exists.
 */
export function creationOrder(tables: readonly TableModel[]): { order: TableModel[]; inline: Map<TableModel, ForeignKeyModel[]>; deferred: Array<[TableModel, ForeignKeyModel]> } {
  const key = (s: string, n: string) => `${s}.${n}`;
  const byKey = new Map(tables.map((t) => [key(t.schema, t.name), t]));
  const placed = new Set<string>();
  const order: TableModel[] = [];
  const inline = new Map<TableModel, ForeignKeyModel[]>();
  const deferred: Array<[TableModel, ForeignKeyModel]> = [];
  const ready = (t: TableModel) =>
    t.foreignKeys.every((fk) => {
      const k = key(fk.target.schema, fk.target.table);
      return k === key(t.schema, t.name) || placed.has(k) || !byKey.has(k);
    });
  let pending = [...tables];
  while (pending.length) {
    // the first table whose targets all exist; in a cycle, the first remaining one (its keys wait)
    const next = pending.find(ready) ?? pending[0]!;
    const self = key(next.schema, next.name);
    const now: ForeignKeyModel[] = [];
    for (const fk of next.foreignKeys) {
      const k = key(fk.target.schema, fk.target.table);
      if (k === self || placed.has(k) || !byKey.has(k)) now.push(fk);
      else deferred.push([next, fk]);
    }
    inline.set(next, now);
    order.push(next);
    placed.add(self);
    pending = pending.filter((t) => t !== next);
  }
  return { order, inline, deferred };
}
