import type { QualifiedName } from '../../operations/common.js';

/** Double-quotes an identifier, doubling embedded quotes. dbm quotes every identifier it writes. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `"schema"."name"` or `"name"`. */
export function qname(n: QualifiedName): string {
  return n.schema ? `${ident(n.schema)}.${ident(n.name)}` : ident(n.name);
}

/** A dotted name (collation, operator class) with each part quoted. */
export function dotted(name: string): string {
  return name.split('.').map(ident).join('.');
}

/** A string literal, single quotes doubled. */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A parenthesised, quoted column list. */
export function columnList(columns: readonly string[]): string {
  return `(${columns.map(ident).join(', ')})`;
}
