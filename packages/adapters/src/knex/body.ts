/**
 * Items → the statements of an `up` or `down` body. Consecutive builder lines for the same table share
 * one createTable / alterTable callback where knex keeps their order: keys join the createTable of
 * their table (knex runs them right after it), and alterTable lines join when they are all column
 * definitions or all not (knex adds a callback's columns before anything else in it).
 */
import type { QualifiedName } from '@dbm/core';
import type { Item } from './item.js';
import { jsString } from './js.js';

type TableItem = Extract<Item, { kind: 'table' }>;

const sameTable = (a: QualifiedName, b: QualifiedName) => a.name === b.name && (a.schema ?? '') === (b.schema ?? '');

function joins(prev: Item | undefined, next: Item): prev is TableItem {
  if (prev?.kind !== 'table' || next.kind !== 'table' || next.method !== 'alterTable' || !sameTable(prev.table, next.table)) return false;
  if (prev.method !== 'alterTable') return next.group === 'keys';
  return (prev.group === 'columns') === (next.group === 'columns');
}

/** Merges consecutive items where knex keeps their order. */
export function mergeItems(items: readonly Item[]): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    const prev = out[out.length - 1];
    if (item.kind === 'table' && joins(prev, item)) out[out.length - 1] = { ...prev, lines: [...prev.lines, ...item.lines] };
    else out.push(item.kind === 'table' ? { ...item, lines: [...item.lines] } : item);
  }
  return out;
}

/** One item as code lines (without indentation of the body). */
function itemCode(item: Item): string[] {
  if (item.kind === 'statement') return item.code.split('\n');
  const schema = item.table.schema ? `.withSchema(${jsString(item.table.schema)})` : '';
  return [`await knex.schema${schema}.${item.method}(${jsString(item.table.name)}, (t) => {`, ...item.lines.map((l) => `  ${l};`), '});'];
}

/** The body lines of items, merged, indented by two spaces. */
export function bodyLines(items: readonly Item[]): string[] {
  return mergeItems(items).flatMap((item) => itemCode(item).map((l, i) => (item.kind === 'statement' && i > 0 ? l : `  ${l}`)));
}
