/**
 * The names PostgreSQL gives objects nobody named (`users_pkey`, `users_id_seq`), and the ones
 * drizzle-kit gives its own (`users_email_unique`, `items_user_id_users_id_fk`). A reader needs the
 * first to describe what the database will hold; a writer compares a model's names with both to
 * decide whether drizzle's short form (`.primaryKey()`, `.unique()`, `.references()`) keeps the name.
 */

/** PostgreSQL's identifier limit (NAMEDATALEN - 1), in bytes. */
const MAX_BYTES = 63;

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** `s` cut to at most `max` UTF-8 bytes, never inside a character (as PostgreSQL's pg_mbcliplen). */
function clip(s: string, max: number): string {
  let out = '';
  for (const ch of s) {
    if (bytes(out + ch) > max) break;
    out += ch;
  }
  return out;
}

/**
 * PostgreSQL's makeObjectName: `name1_name2_label`, the longer of the two names shortened first until
 * the whole fits in 63 bytes (what CREATE TABLE does for `_pkey`, `_seq`, `_key`…).
 */
export function pgObjectName(name1: string, name2: string | undefined, label: string): string {
  const overhead = bytes(label) + 1 + (name2 !== undefined ? 1 : 0);
  const avail = MAX_BYTES - overhead;
  let a = bytes(name1);
  let b = name2 !== undefined ? bytes(name2) : 0;
  while (a + b > avail) {
    if (a > b) a--;
    else b--;
  }
  const first = clip(name1, a);
  const second = name2 !== undefined ? `_${clip(name2, b)}` : '';
  return `${first}${second}_${label}`;
}

/** The primary key's name when the table does not name it. */
export const pgPrimaryKeyName = (table: string): string => pgObjectName(table, undefined, 'pkey');

/** The sequence behind a serial column. */
export const pgSerialSequenceName = (table: string, column: string): string => pgObjectName(table, column, 'seq');

/** drizzle's name for `.unique()` on one column. */
export const drizzleUniqueName = (table: string, column: string): string => `${table}_${column}_unique`;

/** drizzle's name for `.references()` (and an unnamed `foreignKey`). */
export const drizzleForeignKeyName = (table: string, columns: readonly string[], target: string, targetColumns: readonly string[]): string =>
  `${table}_${columns.join('_')}_${target}_${targetColumns.join('_')}_fk`;

/** drizzle's name for an unnamed `primaryKey({ columns })`. */
export const drizzlePrimaryKeyName = (table: string, columns: readonly string[]): string => `${table}_${columns.join('_')}_pk`;

/** A name as PostgreSQL stores it: cut to 63 bytes (longer ones are truncated with a NOTICE, not refused). */
export const pgIdentifier = (name: string): string => clip(name, MAX_BYTES);
