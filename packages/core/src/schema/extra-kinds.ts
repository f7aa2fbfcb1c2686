/**
 * The kinds of {@link ExtraModel} introspection produces, and where each goes in a baseline script.
 * Tables may use a domain, a composite type, a sequence or a function (in a default or a check), so
 * those come before the tables; everything that needs a table (views, triggers, policies,
 * constraints the model cannot carry) comes after.
 */
import type { ExtraModel } from './model.js';

/** Kinds created before the tables, in this order. */
export const BEFORE_TABLES: readonly string[] = ['extension', 'domain', 'type', 'range', 'sequence', 'function', 'procedure'];

/** Kinds created after the tables, foreign keys and indexes, in this order. */
export const AFTER_TABLES: readonly string[] = [
  'constraint',
  'index',
  'sequence owned by',
  'table option',
  'view',
  'materialized view',
  'rule',
  'trigger',
  'policy',
  'comment',
];

/** Whether an extra must exist before the tables are created. */
export function beforeTables(x: ExtraModel): boolean {
  return BEFORE_TABLES.includes(x.kind);
}

/** Kinds that share a place: a domain may be over a composite type and the other way round. */
const SAME_PLACE: Readonly<Record<string, string>> = { type: 'domain', range: 'domain', procedure: 'function', 'materialized view': 'view' };

/**
 * Extras in script order: by kind as above (unknown kinds last), keeping the given order within a
 * place, which is creation order as introspection reads it.
 */
export function inScriptOrder(extras: readonly ExtraModel[]): ExtraModel[] {
  const order = [...BEFORE_TABLES, ...AFTER_TABLES];
  const rank = (x: ExtraModel) => {
    const i = order.indexOf(SAME_PLACE[x.kind] ?? x.kind);
    return i < 0 ? order.length : i;
  };
  return extras.map((x, i) => ({ x, i })).sort((a, b) => rank(a.x) - rank(b.x) || a.i - b.i).map((e) => e.x);
}
