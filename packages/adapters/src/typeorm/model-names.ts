/**
 * Names in the TypeORM source dbm writes: a class per table, a property per column and per foreign key,
 * and which constraint names TypeORM would give anyway (its naming strategy's hashes) so the entities only
 * spell out the names it would not choose itself.
 */
import type { ForeignKeyModel, SchemaModel, TableModel } from '@dbm/core';
import type { NamingStrategyInterface } from 'typeorm';

const RESERVED = new Set(['constructor', 'prototype', '__proto__']);

function words(name: string): string[] {
  return name.split(/[^A-Za-z0-9]+/).filter(Boolean);
}

/** `user_roles` → `UserRoles`. */
export function pascal(name: string): string {
  const out = words(name)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
  return /^[A-Za-z_$]/.test(out) ? out : `T${out}`;
}

/** `created_at` → `createdAt`. */
export function camel(name: string): string {
  const p = pascal(name);
  return p[0]!.toLowerCase() + p.slice(1);
}

/** A property key as written in a class body: bare when it is an identifier, else quoted. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The class and property names of every table. */
export interface Names {
  readonly classOf: ReadonlyMap<TableModel, string>;
  /** Column name → property name, per table. */
  readonly propertyOf: ReadonlyMap<TableModel, ReadonlyMap<string, string>>;
  /** Foreign key → relation property name, per table. */
  readonly relationOf: ReadonlyMap<TableModel, ReadonlyMap<ForeignKeyModel, string>>;
}

function unique(base: string, taken: Set<string>): string {
  let name = RESERVED.has(base) || !base ? `${base}Field` : base;
  for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
  taken.add(name);
  return name;
}

/** Names every class and property; a table name shared by two schemas gets its schema in the class name. */
export function nameModel(model: SchemaModel): Names {
  const classOf = new Map<TableModel, string>();
  const propertyOf = new Map<TableModel, Map<string, string>>();
  const relationOf = new Map<TableModel, Map<ForeignKeyModel, string>>();
  const classes = new Set<string>();
  for (const t of model.tables) {
    const shared = model.tables.some((o) => o !== t && o.name === t.name);
    classOf.set(t, unique(pascal(shared && t.schema !== 'public' ? `${t.schema}_${t.name}` : t.name), classes));
  }
  for (const t of model.tables) {
    const taken = new Set<string>();
    propertyOf.set(t, new Map(t.columns.map((c) => [c.name, unique(camel(c.name) || c.name, taken)])));
    const relations = new Map<ForeignKeyModel, string>();
    for (const fk of t.foreignKeys) {
      // user_id → user; (account_owner_id, account_code) → the target table's name
      const single = fk.columns.length === 1 ? /^(.+?)_?(id|Id|ID)$/.exec(fk.columns[0]!) : null;
      const base = single ? camel(single[1]!) : camel(fk.target.table);
      relations.set(fk, unique(base, taken));
    }
    relationOf.set(t, relations);
  }
  return { classOf, propertyOf, relationOf };
}

/** The table name TypeORM's naming strategy hashes: `schema.table` outside the DataSource's schema. */
export function typeormTablePath(t: TableModel, defaultSchema = 'public'): string {
  return t.schema === defaultSchema ? t.name : `${t.schema}.${t.name}`;
}

/** TypeORM's default names for a table's constraints, to leave out of the source when they match. */
export interface DefaultNames {
  primaryKey(t: TableModel, columns: readonly string[]): string;
  unique(t: TableModel, columns: readonly string[]): string;
  check(t: TableModel, expr: string): string;
  index(t: TableModel, columns: readonly string[], where?: string): string;
  foreignKey(t: TableModel, fk: ForeignKeyModel): string;
}

/** {@link DefaultNames} from TypeORM's own naming strategy. */
export function defaultNames(strategy: NamingStrategyInterface): DefaultNames {
  const path = (t: TableModel) => typeormTablePath(t);
  return {
    primaryKey: (t, columns) => strategy.primaryKeyName(path(t), [...columns]),
    unique: (t, columns) => strategy.uniqueConstraintName(path(t), [...columns]),
    check: (t, expr) => strategy.checkConstraintName(path(t), expr),
    index: (t, columns, where) => strategy.indexName(path(t), [...columns], where),
    foreignKey: (t, fk) => strategy.foreignKeyName(path(t), [...fk.columns], `${fk.target.schema}.${fk.target.table}`, [...fk.target.columns]),
  };
}
