/**
 * Names as knex's builder takes them. knex splits a name on "." (schema.table) and on " as " (an alias),
 * so only names without those can go through the builder; and where knex would invent its own name for a
 * constraint or index (`users_email_unique`), dbm passes the name PostgreSQL would give it.
 */
import { columnsAddition, makeObjectName, type ForeignKeyTarget, type QualifiedName } from '@dbm/core';
import { jsList, jsString } from './js.js';

/** Whether knex's builder passes `name` through as one identifier. */
export function plain(name: string): boolean {
  return name !== '' && name !== '*' && !name.includes('.') && !/\s+as\s+/i.test(name) && !name.includes('?');
}

/** Whether every part of a qualified name is {@link plain}. */
export function plainQualified(q: QualifiedName): boolean {
  return plain(q.name) && (q.schema === undefined || plain(q.schema));
}

/** `schema.table` or `table`, as knex's inTable() takes a table. */
export function knexTableName(q: QualifiedName): string {
  return q.schema ? `${q.schema}.${q.name}` : q.name;
}

/** The given name, else the one PostgreSQL gives: `<table>[_<columns>]_<label>`, cut to 63 bytes. */
export function constraintName(table: QualifiedName, columns: readonly string[], label: string, given?: string): string {
  return given ?? makeObjectName(table.name, columns.length ? columnsAddition(columns) : undefined, label);
}

const ACTIONS: Readonly<Record<string, string>> = { restrict: 'RESTRICT', cascade: 'CASCADE', 'set null': 'SET NULL', 'set default': 'SET DEFAULT' };

/** `.references(…).inTable(…)` and the actions of a foreign key target; undefined when knex cannot say it. */
export function referenceChain(target: ForeignKeyTarget, keyName?: string): string | undefined {
  if (target.match || target.columns.length === 0 || !plainQualified(target.table) || !target.columns.every(plain)) return undefined;
  // knex writes "set null" as given, and SQL needs the action spelled in full: map the model's words
  const onDelete = target.onDelete && target.onDelete !== 'no action' ? ACTIONS[target.onDelete] : undefined;
  const onUpdate = target.onUpdate && target.onUpdate !== 'no action' ? ACTIONS[target.onUpdate] : undefined;
  const columns = target.columns.length === 1 ? jsString(target.columns[0]!) : jsList(target.columns);
  return (
    `.references(${columns}).inTable(${jsString(knexTableName(target.table))})` +
    (keyName !== undefined ? `.withKeyName(${jsString(keyName)})` : '') +
    (onDelete ? `.onDelete(${jsString(onDelete)})` : '') +
    (onUpdate ? `.onUpdate(${jsString(onUpdate)})` : '') +
    (target.deferrable ? `.deferrable(${jsString(target.deferrable)})` : '')
  );
}

/** `t.foreign([…], 'name').references(…).inTable(…)…`; undefined when knex cannot say it. */
export function foreignKeyCall(table: QualifiedName, columns: readonly string[], target: ForeignKeyTarget, name?: string): string | undefined {
  if (!columns.every(plain)) return undefined;
  const chain = referenceChain(target);
  if (chain === undefined) return undefined;
  return `t.foreign(${jsList(columns)}, ${jsString(constraintName(table, columns, 'fkey', name))})${chain}`;
}
