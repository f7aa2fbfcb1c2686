/**
 * The differences between two schema snapshots, as a readable list: where (an object path such as
 * `table public.users / column email / type`) and both values. Empty when the schemas are equal.
 * Both sides are normalised first, so order and spelling never count as a difference.
 */
import type { ExtraModel, SchemaModel, TableModel } from './model.js';
import { normalizeSchema } from './normalize.js';

/** One difference; `a` / `b` are undefined on the side where the object is missing. */
export interface SchemaDifference {
  /** Where, e.g. `table public.users / index users_email_idx / where`. */
  readonly path: string;
  readonly a: unknown;
  readonly b: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Compares lists of named things: missing on either side, then field by field. */
function byKey<T>(
  out: SchemaDifference[],
  path: string,
  a: readonly T[],
  b: readonly T[],
  key: (x: T) => string,
  fields: (path: string, x: T, y: T) => void,
): void {
  const mb = new Map(b.map((y) => [key(y), y]));
  const ma = new Map(a.map((x) => [key(x), x]));
  for (const x of a) {
    const y = mb.get(key(x));
    if (y === undefined) out.push({ path: `${path}${key(x)}`, a: x, b: undefined });
    else fields(`${path}${key(x)}`, x, y);
  }
  for (const y of b) if (!ma.has(key(y))) out.push({ path: `${path}${key(y)}`, a: undefined, b: y });
}

/** Compares every own field of two objects (values compared as JSON). */
function fieldsOf<T extends object>(out: SchemaDifference[], skip: readonly string[]) {
  return (path: string, x: T, y: T): void => {
    const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].filter((k) => !skip.includes(k));
    for (const k of keys) {
      const va = (x as Record<string, unknown>)[k];
      const vb = (y as Record<string, unknown>)[k];
      if (!same(va, vb)) out.push({ path: `${path} / ${k}`, a: va, b: vb });
    }
  };
}

function table(out: SchemaDifference[], path: string, a: TableModel, b: TableModel): void {
  const columnOrder = (t: TableModel) => t.columns.map((c) => c.name);
  byKey(out, `${path} / column `, a.columns, b.columns, (c) => c.name, fieldsOf(out, ['name']));
  if (!same(columnOrder(a), columnOrder(b)) && same([...columnOrder(a)].sort(), [...columnOrder(b)].sort())) {
    out.push({ path: `${path} / column order`, a: columnOrder(a), b: columnOrder(b) });
  }
  if (!same(a.primaryKey, b.primaryKey)) out.push({ path: `${path} / primary key`, a: a.primaryKey, b: b.primaryKey });
  byKey(out, `${path} / unique `, a.uniques, b.uniques, (u) => u.name, fieldsOf(out, ['name']));
  byKey(out, `${path} / foreign key `, a.foreignKeys, b.foreignKeys, (f) => f.name, fieldsOf(out, ['name']));
  byKey(out, `${path} / check `, a.checks, b.checks, (c) => c.name, fieldsOf(out, ['name']));
  byKey(out, `${path} / index `, a.indexes, b.indexes, (i) => i.name, fieldsOf(out, ['name']));
  if (a.comment !== b.comment) out.push({ path: `${path} / comment`, a: a.comment, b: b.comment });
}

const extraKey = (x: ExtraModel) => `${x.kind} ${x.name}`;

/** The differences between `a` and `b`; empty when they describe the same schema. */
export function compareSchemas(a: SchemaModel, b: SchemaModel): SchemaDifference[] {
  const na = normalizeSchema(a);
  const nb = normalizeSchema(b);
  const out: SchemaDifference[] = [];
  const tableKey = (t: TableModel) => `${t.schema}.${t.name}`;
  byKey(out, 'table ', na.tables, nb.tables, tableKey, (path, x, y) => table(out, path, x, y));
  byKey(out, 'enum ', na.enums, nb.enums, (e) => `${e.schema}.${e.name}`, fieldsOf(out, ['schema', 'name']));
  byKey(out, '', na.extras, nb.extras, extraKey, fieldsOf(out, ['kind', 'name']));
  return out;
}

/** The differences as text, one per line (for test failures and CLI output). */
export function formatDifferences(diffs: readonly SchemaDifference[]): string {
  const show = (v: unknown) => (v === undefined ? '(none)' : JSON.stringify(v));
  return diffs.map((d) => `${d.path}: ${show(d.a)} ≠ ${show(d.b)}`).join('\n');
}
