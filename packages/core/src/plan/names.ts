/**
 * The names PostgreSQL gives unnamed constraints and indexes, computed the way the server does, so a
 * plan that names them explicitly leaves the same catalog as the statement that did not.
 *
 * Facts (PostgreSQL source, makeObjectName and ChooseConstraintName / ChooseIndexName): a name is
 * `name1_name2_label`, at most NAMEDATALEN - 1 = 63 bytes; the label is never cut, and while the two
 * names are too long together, the longer one loses a byte (name2 when they are as long as each
 * other); each is then cut back to a whole character. On a clash the label gets a number: `label1`,
 * `label2`, ...
 */

/** Longest identifier PostgreSQL keeps, in bytes. */
export const MAX_IDENTIFIER_BYTES = 63;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Byte length of a string in UTF-8 (the server encoding dbm assumes). */
export function byteLength(s: string): number {
  return encoder.encode(s).length;
}

/** The longest prefix of `s` that fits in `bytes` bytes without splitting a character. */
export function clipBytes(s: string, bytes: number): string {
  const encoded = encoder.encode(s);
  if (encoded.length <= bytes) return s;
  let end = Math.max(0, bytes);
  // a UTF-8 continuation byte is 10xxxxxx: back up to the start of that character
  while (end > 0 && ((encoded[end] ?? 0) & 0xc0) === 0x80) end--;
  return decoder.decode(encoded.subarray(0, end));
}

/** An identifier as the server stores it: cut to 63 bytes. */
export function truncateIdentifier(name: string): string {
  return clipBytes(name, MAX_IDENTIFIER_BYTES);
}

/**
 * `name1[_name2][_label]`, shortened to 63 bytes the way PostgreSQL's makeObjectName does: the label
 * stays whole, and the longer of the two names gives up bytes first.
 */
export function makeObjectName(name1: string, name2: string | undefined, label: string | undefined): string {
  const overhead = (name2 !== undefined ? 1 : 0) + (label !== undefined ? byteLength(label) + 1 : 0);
  const available = MAX_IDENTIFIER_BYTES - overhead;
  let n1 = byteLength(name1);
  let n2 = name2 !== undefined ? byteLength(name2) : 0;
  while (n1 + n2 > available) {
    if (n1 > n2) n1--;
    else n2--;
  }
  const parts = [clipBytes(name1, n1)];
  if (name2 !== undefined) parts.push(clipBytes(name2, n2));
  if (label !== undefined) parts.push(label);
  return parts.join('_');
}

/**
 * Column names joined by `_`, stopping once the text reaches NAMEDATALEN (64) bytes, as PostgreSQL
 * builds the middle part of foreign key and index names.
 */
export function columnsAddition(columns: readonly string[]): string {
  let out = '';
  for (const column of columns) {
    if (out.length > 0) out += '_';
    out += truncateIdentifier(column);
    if (byteLength(out) >= MAX_IDENTIFIER_BYTES + 1) break;
  }
  return out;
}
