/**
 * Catalog rows of constraints and indexes → the table's keys, checks and indexes. What the model
 * cannot carry (NOT VALID, deferrable unique, MATCH FULL, EXCLUDE, INCLUDE on a key, index storage
 * options) becomes an extra holding the SQL that re-creates it exactly.
 */
import type { IndexElement, QualifiedName, ReferentialAction } from '../operations/common.js';
import { parsePostgres } from '../dialects/postgres/parse.js';
import { ident, literal, qname } from '../dialects/postgres/quote.js';
import type { CheckModel, ExtraModel, ForeignKeyModel, IndexModel, PrimaryKeyModel, UniqueModel } from './model.js';

type Row = Record<string, unknown>;

const ACTIONS: Readonly<Record<string, ReferentialAction>> = {
  a: 'no action',
  r: 'restrict',
  c: 'cascade',
  n: 'set null',
  d: 'set default',
};

const names = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? (JSON.parse(v) as string[]) : []);

/** The keys and checks of one table, and the extras for what they cannot carry. */
export interface TableKeys {
  primaryKey?: PrimaryKeyModel;
  uniques: UniqueModel[];
  foreignKeys: ForeignKeyModel[];
  checks: CheckModel[];
  indexes: IndexModel[];
}

function commentExtra(what: string, table: QualifiedName, objectName: string, text: unknown): ExtraModel[] {
  if (!text) return [];
  return [{ kind: 'comment', schema: table.schema, name: `${what.toLowerCase()} ${objectName}`, sql: `COMMENT ON ${what} ${objectName} IS ${literal(String(text))}` }];
}

/** Whether the model can carry a constraint row as it is. */
function modelled(r: Row): boolean {
  switch (r.type) {
    case 'p':
    case 'u':
      return !r.deferrable && !r.index_options;
    case 'f':
      return r.validated !== false && r.match === 's' && !r.set_columns;
    case 'c':
      return r.validated !== false && !r.noinherit;
    default:
      return false;
  }
}

/** Sorts a table's constraint rows into `keys`; returns the extras. */
export function readConstraints(rows: readonly Row[], table: QualifiedName, keys: TableKeys): ExtraModel[] {
  const extras: ExtraModel[] = [];
  for (const r of rows) {
    const name = String(r.name);
    const label = `${table.schema}.${table.name}.${name}`;
    extras.push(...commentExtra('CONSTRAINT', table, `${ident(name)} ON ${qname(table)}`, r.comment));
    if (!modelled(r)) {
      extras.push({ kind: 'constraint', schema: table.schema, name: label, sql: `ALTER TABLE ${qname(table)} ADD CONSTRAINT ${ident(name)} ${String(r.def)}` });
      continue;
    }
    const columns = names(r.columns);
    if (r.type === 'p') keys.primaryKey = { name, columns };
    else if (r.type === 'u') keys.uniques.push({ name, columns, ...(r.nulls_not_distinct ? { nullsNotDistinct: true } : {}) });
    else if (r.type === 'c') keys.checks.push({ name, expr: String(r.expr) });
    else {
      keys.foreignKeys.push({
        name,
        columns,
        target: { schema: String(r.ref_schema), table: String(r.ref_table), columns: names(r.ref_columns) },
        onDelete: ACTIONS[String(r.on_delete)] ?? 'no action',
        onUpdate: ACTIONS[String(r.on_update)] ?? 'no action',
        ...(r.deferrable ? { deferrable: r.deferred ? 'deferred' : 'immediate' } : {}),
      });
    }
  }
  return extras;
}

/**
 * An index from its catalog row. The parser splits pg_get_indexdef() into elements (so ordering,
 * operator class and collation appear exactly when PostgreSQL prints them, i.e. when not the
 * default); expressions and the predicate keep PostgreSQL's own spelling.
 */
function indexOf(r: Row): IndexModel | undefined {
  const op = parsePostgres(String(r.def)).statements[0]?.ops[0];
  const keyTexts = names(r.keys);
  const attnums = (Array.isArray(r.attnums) ? r.attnums : JSON.parse(String(r.attnums))) as number[];
  if (!op || op.kind !== 'createIndex' || op.elements.length !== keyTexts.length) return undefined;
  const elements = op.elements.map((e, k): IndexElement => (attnums[k] === 0 ? { ...e, value: keyTexts[k]!, expression: true } : e));
  return {
    name: String(r.name),
    unique: r.unique === true,
    method: String(r.method),
    elements,
    ...(r.predicate ? { where: String(r.predicate) } : {}),
    ...(op.include?.length ? { include: [...op.include] } : {}),
    ...(r.nulls_not_distinct ? { nullsNotDistinct: true } : {}),
  };
}

/** Sorts a table's index rows into `keys`; returns the extras. */
export function readIndexes(rows: readonly Row[], table: QualifiedName, keys: TableKeys): ExtraModel[] {
  const extras: ExtraModel[] = [];
  for (const r of rows) {
    const name = String(r.name);
    const index = indexOf(r);
    if (index) keys.indexes.push(index);
    else extras.push({ kind: 'index', schema: table.schema, name: `${table.schema}.${name}`, sql: String(r.def) });
    extras.push(...commentExtra('INDEX', table, qname({ schema: table.schema, name }), r.comment));
  }
  return extras;
}
