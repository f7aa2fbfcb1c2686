/**
 * The name PostgreSQL gives the sequence of a serial column, `<table>_<column>_seq`, shortened as its
 * makeObjectName() does when the whole would pass 63 bytes: the longer of the two names loses a
 * character at a time. (When that name is taken PostgreSQL appends a number; such a sequence does not
 * match this name, and is written back explicitly rather than as serial.)
 */

/** PostgreSQL's identifier limit (NAMEDATALEN - 1), in bytes. */
const MAX_BYTES = 63;

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** Drops whole characters from the end of `s` until it fits in `limit` bytes. */
function clip(s: string, limit: number): string {
  const chars = [...s];
  while (bytes(chars.join('')) > limit) chars.pop();
  return chars.join('');
}

/** The sequence name serial gives column `column` of table `table`. */
export function serialSequenceName(table: string, column: string): string {
  const label = 'seq';
  const available = MAX_BYTES - (bytes(label) + 1) - 1; // the two underscores
  let a = bytes(table);
  let b = bytes(column);
  while (a + b > available) {
    if (a > b) a--;
    else b--;
  }
  return `${clip(table, a)}_${clip(column, b)}_${label}`;
}
