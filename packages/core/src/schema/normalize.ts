/**
 * The canonical form of a {@link SchemaModel}: two snapshots of the same schema, whichever reader made
 * them, are deep-equal after normalisation. Order: tables and enums by schema then name; uniques,
 * foreign keys, checks and indexes by name; columns and enum values keep their order (it is meaning);
 * extras keep the reader's order (dependency order). Spellings: PostgreSQL's type names, lower-case
 * referential actions and index methods, implied defaults (ASC, NULLS LAST, NO ACTION) left out.
 */
import type { IndexElement, ReferentialAction } from '../operations/common.js';
import { knownDefault } from './defaults.js';
import type {
  CheckModel,
  ColumnModel,
  DefaultModel,
  EnumModel,
  ExtraModel,
  ForeignKeyModel,
  IndexModel,
  SchemaModel,
  TableModel,
  UniqueModel,
} from './model.js';
import { serialSequenceName } from './sequence-name.js';
import { normalizeType, SERIAL_TYPES } from './types.js';

const byName = <T extends { readonly name: string }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => compareText(a.name, b.name));
const bySchemaName = <T extends { readonly schema: string; readonly name: string }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => compareText(a.schema, b.schema) || compareText(a.name, b.name));

/** Code-point order, independent of the locale (so every machine sorts alike). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An optional text field: absent when undefined or empty. */
function text<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined || value.trim() === '' ? {} : { [key]: value.trim() }) as { [P in K]?: string };
}

function action(a: ReferentialAction | string | undefined): ReferentialAction {
  const v = (a ?? 'no action').toLowerCase().replace(/[_\s]+/g, ' ').trim();
  return v as ReferentialAction;
}

function defaultOf(d: DefaultModel, table: TableModel): DefaultModel {
  switch (d.kind) {
    case 'sequence': {
      // a sequence in the table's own schema is named bare, as serial columns name it
      const prefix = `${table.schema}.`;
      return { kind: 'sequence', sequence: d.sequence.startsWith(prefix) ? d.sequence.slice(prefix.length) : d.sequence };
    }
    case 'expression':
      return knownDefault(d.sql.trim()) ?? { kind: 'expression', sql: d.sql.trim() };
    case 'literal':
      return { kind: 'literal', sql: d.sql.trim(), value: d.value };
    default:
      return { kind: d.kind, sql: d.sql.trim() };
  }
}

function column(c: ColumnModel, table: TableModel): ColumnModel {
  const serial = c.type.schema === undefined && SERIAL_TYPES[c.type.name.toLowerCase()] !== undefined;
  const type = normalizeType(c.type);
  const sequence: DefaultModel | undefined = serial ? { kind: 'sequence', sequence: serialSequenceName(table.name, c.name) } : undefined;
  // identity and generated columns have no default of their own
  const def = c.identity || c.generated !== undefined ? undefined : c.default ? defaultOf(c.default, table) : sequence;
  return {
    name: c.name,
    type,
    nullable: c.nullable,
    ...(def ? { default: def } : {}),
    ...(c.identity ? { identity: c.identity } : {}),
    ...text('generated', c.generated),
    ...text('collation', c.collation),
    ...text('comment', c.comment),
  };
}

function element(e: IndexElement): IndexElement {
  const order = e.order === 'desc' ? 'desc' : undefined;
  // NULLS LAST is the default for ASC, NULLS FIRST for DESC
  const nulls = e.nulls === (order === 'desc' ? 'last' : 'first') ? e.nulls : undefined;
  return {
    value: e.expression ? e.value.trim() : e.value,
    expression: e.expression,
    ...(order ? { order } : {}),
    ...(nulls ? { nulls } : {}),
    ...text('opclass', e.opclass),
    ...text('collation', e.collation),
  };
}

function index(i: IndexModel): IndexModel {
  return {
    name: i.name,
    unique: i.unique,
    method: (i.method || 'btree').toLowerCase(),
    elements: i.elements.map(element),
    ...text('where', i.where),
    ...(i.include?.length ? { include: [...i.include] } : {}),
    ...(i.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
  };
}

function unique(u: UniqueModel): UniqueModel {
  return { name: u.name, columns: [...u.columns], ...(u.nullsNotDistinct ? { nullsNotDistinct: true } : {}) };
}

function foreignKey(f: ForeignKeyModel): ForeignKeyModel {
  return {
    name: f.name,
    columns: [...f.columns],
    target: { schema: f.target.schema, table: f.target.table, columns: [...f.target.columns] },
    onDelete: action(f.onDelete),
    onUpdate: action(f.onUpdate),
    ...(f.deferrable ? { deferrable: f.deferrable } : {}),
  };
}

function check(c: CheckModel): CheckModel {
  return { name: c.name, expr: c.expr.trim() };
}

function table(t: TableModel): TableModel {
  return {
    schema: t.schema,
    name: t.name,
    columns: t.columns.map((c) => column(c, t)),
    ...(t.primaryKey ? { primaryKey: { name: t.primaryKey.name, columns: [...t.primaryKey.columns] } } : {}),
    uniques: byName(t.uniques).map(unique),
    foreignKeys: byName(t.foreignKeys).map(foreignKey),
    checks: byName(t.checks).map(check),
    indexes: byName(t.indexes).map(index),
    ...text('comment', t.comment),
  };
}

function enumModel(e: EnumModel): EnumModel {
  return { schema: e.schema, name: e.name, values: [...e.values] };
}

function extra(x: ExtraModel): ExtraModel {
  return { kind: x.kind, name: x.name, sql: x.sql.trim(), ...text('schema', x.schema) };
}

/** The canonical form of `m` (a new object; `m` is not changed). */
export function normalizeSchema(m: SchemaModel): SchemaModel {
  return {
    tables: bySchemaName(m.tables).map(table),
    enums: bySchemaName(m.enums).map(enumModel),
    extras: m.extras.map(extra),
  };
}
