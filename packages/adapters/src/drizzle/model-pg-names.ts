/**
 * The names PostgreSQL gives objects nobody named (`users_pkey`, `users_id_seq`), and the ones
 * drizzle-kit gives its own (`users_email_unique`, `items_user_id_users_id_fk`). A reader needs the
 * first to describe what the database will hold; a writer compares a model's names with both to
 * decide whether drizzle's short form (`.primaryKey()`, `.unique()`, `.references()`) keeps the name.
 * PostgreSQL's own rules (63 bytes, makeObjectName) are core's.
 */
import { makeObjectName, serialSequenceName, truncateIdentifier } from '@dbm/core';

/** The primary key's name when the table does not name it. */
export const pgPrimaryKeyName = (table: string): string => makeObjectName(table, undefined, 'pkey');

/** The sequence behind a serial column. */
export const pgSerialSequenceName = (table: string, column: string): string => serialSequenceName(table, column);

/** drizzle's name for `.unique()` on one column. */
export const drizzleUniqueName = (table: string, column: string): string => `${table}_${column}_unique`;

/** drizzle's name for `.references()` (and an unnamed `foreignKey`). */
export const drizzleForeignKeyName = (table: string, columns: readonly string[], target: string, targetColumns: readonly string[]): string =>
  `${table}_${columns.join('_')}_${target}_${targetColumns.join('_')}_fk`;

/** drizzle's name for an unnamed `primaryKey({ columns })`. */
export const drizzlePrimaryKeyName = (table: string, columns: readonly string[]): string => `${table}_${columns.join('_')}_pk`;

/** A name as PostgreSQL stores it: cut to 63 bytes (longer ones are truncated with a NOTICE, not refused). */
export const pgIdentifier = (name: string): string => truncateIdentifier(name);
