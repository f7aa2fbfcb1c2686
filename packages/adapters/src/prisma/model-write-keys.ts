/**
 * Keys and indexes as Prisma attributes: the primary key (`@id` / `@@id`), unique constraints and
 * unique indexes (`@unique` / `@@unique`), plain indexes (`@@index`, with `sort: Desc` and `type:`).
 * What Prisma cannot spell (expressions, WHERE, INCLUDE, NULLS FIRST on an ascending key, operator
 * classes, collations, NULLS NOT DISTINCT) is left to raw SQL by the caller.
 */
import type { IndexModel, TableModel } from '@dbm/core';
import { prismaConstraintName } from './model-names.js';
import { prismaString } from './model-write-defaults.js';

/** Index methods by their Prisma `type:` argument (btree is the default and is not written). */
const METHODS: Readonly<Record<string, string | undefined>> = { btree: undefined, hash: 'Hash', gin: 'Gin', gist: 'Gist', spgist: 'SpGist', brin: 'Brin' };

/** True when Prisma's @@index / @@unique can describe `ix` exactly. */
export function indexExpressible(ix: IndexModel): boolean {
  const method = (ix.method || 'btree').toLowerCase();
  if (!(method in METHODS)) return false;
  if (ix.where || ix.include?.length || ix.nullsNotDistinct) return false;
  if (ix.unique && method !== 'btree') return false;
  return ix.elements.every((e) => {
    const defaultNulls = e.order === 'desc' ? 'first' : 'last';
    if (e.expression || e.opclass || e.collation) return false;
    if (e.nulls && e.nulls !== defaultNulls) return false;
    return method === 'btree' || e.order !== 'desc';
  });
}

/**
 * Sorts keys by the positions of their columns in the table (then by name): the order people declare
 * them in, which the model (sorted by name) does not keep.
 */
export function byColumnPosition<T>(t: TableModel, items: readonly T[], columns: (x: T) => readonly string[], name: (x: T) => string): T[] {
  const pos = (c: string) => t.columns.findIndex((col) => col.name === c);
  const cmp = (a: T, b: T) => {
    const pa = columns(a).map(pos);
    const pb = columns(b).map(pos);
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
    return pa.length - pb.length || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0);
  };
  return [...items].sort(cmp);
}

/** Field-level attributes collected per column, and block attributes per model. */
export interface KeyAttributes {
  readonly fieldAttrs: Map<string, string[]>;
  readonly blockAttrs: string[];
}

function push(map: Map<string, string[]>, column: string, attr: string) {
  map.set(column, [...(map.get(column) ?? []), attr]);
}

/** `[a, b(sort: Desc)]` with the columns' Prisma names. */
function fieldList(ix: Pick<IndexModel, 'elements'>, fields: ReadonlyMap<string, string>): string {
  return `[${ix.elements.map((e) => `${fields.get(e.value)}${e.order === 'desc' ? '(sort: Desc)' : ''}`).join(', ')}]`;
}

/** A unique index (or constraint) as attributes, single-column on the field, else on the model. */
function uniqueAttr(t: TableModel, ix: Pick<IndexModel, 'name' | 'elements'>, fields: ReadonlyMap<string, string>, out: KeyAttributes) {
  const columns = ix.elements.map((e) => e.value);
  const map = ix.name !== prismaConstraintName(t.name, columns, 'key') ? `map: ${prismaString(ix.name)}` : undefined;
  if (columns.length === 1) {
    const args = [map, ix.elements[0]!.order === 'desc' ? 'sort: Desc' : undefined].filter(Boolean);
    push(out.fieldAttrs, columns[0]!, args.length ? `@unique(${args.join(', ')})` : '@unique');
  } else {
    out.blockAttrs.push(`@@unique(${[fieldList(ix, fields), map].filter(Boolean).join(', ')})`);
  }
}

/**
 * The key attributes of a table. `indexes` and `uniques` are the ones the caller found expressible;
 * unique constraints come out as @unique / @@unique (Prisma creates them as unique indexes).
 */
export function keyAttributes(
  t: TableModel,
  fields: ReadonlyMap<string, string>,
  indexes: readonly IndexModel[],
  uniques: readonly { name: string; columns: readonly string[] }[],
): KeyAttributes {
  const out: KeyAttributes = { fieldAttrs: new Map(), blockAttrs: [] };
  const pk = t.primaryKey;
  if (pk) {
    const map = pk.name !== prismaConstraintName(t.name, [], 'pkey') ? `map: ${prismaString(pk.name)}` : undefined;
    if (pk.columns.length === 1) push(out.fieldAttrs, pk.columns[0]!, map ? `@id(${map})` : '@id');
    else out.blockAttrs.push(`@@id(${[`[${pk.columns.map((c) => fields.get(c)).join(', ')}]`, map].filter(Boolean).join(', ')})`);
  }
  const cols = (ix: IndexModel) => ix.elements.map((e) => e.value);
  indexes = byColumnPosition(t, indexes, cols, (ix) => ix.name);
  uniques = byColumnPosition(t, uniques, (u) => u.columns, (u) => u.name);
  for (const u of uniques) uniqueAttr(t, { name: u.name, elements: u.columns.map((c) => ({ value: c, expression: false })) }, fields, out);
  for (const ix of indexes.filter((i) => i.unique)) uniqueAttr(t, ix, fields, out);
  for (const ix of indexes.filter((i) => !i.unique)) {
    const columns = ix.elements.map((e) => e.value);
    const type = METHODS[(ix.method || 'btree').toLowerCase()];
    const map = ix.name !== prismaConstraintName(t.name, columns, 'idx') ? `map: ${prismaString(ix.name)}` : undefined;
    out.blockAttrs.push(`@@index(${[fieldList(ix, fields), type ? `type: ${type}` : undefined, map].filter(Boolean).join(', ')})`);
  }
  return out;
}
