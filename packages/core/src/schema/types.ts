/**
 * Canonical column types: PostgreSQL's own type names (`int4`, `varchar`, `timestamptz`) with their
 * modifiers, and SQL text spelled as PostgreSQL's format_type() prints it (`character varying(255)`,
 * `timestamp(3) with time zone`), so a type read from the catalogs and one written by an ORM reader
 * compare equal once normalised.
 */
import type { ColumnType } from '../operations/common.js';
import { ident } from '../dialects/postgres/quote.js';

/** Spellings an ORM reader may use for a built-in type, by the canonical name PostgreSQL stores. */
const ALIASES: Readonly<Record<string, string>> = {
  integer: 'int4',
  int: 'int4',
  smallint: 'int2',
  bigint: 'int8',
  real: 'float4',
  'double precision': 'float8',
  float: 'float8',
  boolean: 'bool',
  'character varying': 'varchar',
  character: 'bpchar',
  decimal: 'numeric',
  'timestamp with time zone': 'timestamptz',
  'timestamp without time zone': 'timestamp',
  'time with time zone': 'timetz',
  'time without time zone': 'time',
  'bit varying': 'varbit',
};

/** The integer type behind each serial pseudo-type. */
export const SERIAL_TYPES: Readonly<Record<string, string>> = {
  serial: 'int4',
  serial4: 'int4',
  bigserial: 'int8',
  serial8: 'int8',
  smallserial: 'int2',
  serial2: 'int2',
};

/** The serial pseudo-type for each integer type, for writing a sequence default back as serial. */
export const SERIAL_FOR: Readonly<Record<string, string>> = { int4: 'serial', int8: 'bigserial', int2: 'smallserial' };

/** How format_type() prints a built-in type: its words, and where the modifiers go. */
const PRINTED: Readonly<Record<string, { base: string; suffix?: string }>> = {
  int2: { base: 'smallint' },
  int4: { base: 'integer' },
  int8: { base: 'bigint' },
  float4: { base: 'real' },
  float8: { base: 'double precision' },
  bool: { base: 'boolean' },
  varchar: { base: 'character varying' },
  bpchar: { base: 'character' },
  varbit: { base: 'bit varying' },
  timestamp: { base: 'timestamp', suffix: ' without time zone' },
  timestamptz: { base: 'timestamp', suffix: ' with time zone' },
  time: { base: 'time', suffix: ' without time zone' },
  timetz: { base: 'time', suffix: ' with time zone' },
  // the one-byte internal type; bare `char` would mean character(1)
  char: { base: '"char"' },
};

/** A type name PostgreSQL prints bare (lower-case, no special characters). */
const PLAIN = /^[a-z_][a-z0-9_]*$/;

/**
 * The canonical SQL text of a type: format_type()'s spelling for built-in types, a quoted qualified
 * name for user types, `[]` once per array dimension. `interval` with fields (`interval day to
 * second(3)`) has no modifier form; its text is kept as given.
 */
export function typeSql(t: ColumnType): string {
  const dims = '[]'.repeat(t.arrayDims);
  if (t.schema) return `${ident(t.schema)}.${ident(t.name)}${mods(t)}${dims}`;
  if (t.name === 'interval' && /^interval\s+[a-z]/i.test(t.sql)) return `${t.sql.replace(/(\[\])+$/, '').toLowerCase()}${dims}`;
  const printed = PRINTED[t.name];
  // bpchar without a length is unlimited; `character` alone would mean character(1)
  if (t.name === 'bpchar' && t.modifiers.length === 0) return `bpchar${dims}`;
  if (printed) return `${printed.base}${mods(t)}${printed.suffix ?? ''}${dims}`;
  return `${PLAIN.test(t.name) ? t.name : ident(t.name)}${mods(t)}${dims}`;
}

function mods(t: ColumnType): string {
  return t.modifiers.length ? `(${t.modifiers.join(',')})` : '';
}

/** The canonical name of a built-in type's spelling (`integer` → `int4`, `serial` → `int4`); other names unchanged. */
export function canonicalTypeName(name: string): string {
  const n = name.toLowerCase().replace(/\s+/g, ' ').trim();
  return SERIAL_TYPES[n] ?? ALIASES[n] ?? n;
}

/**
 * A type in canonical form: alias names resolved (`integer` → `int4`), `pg_catalog` dropped, implied
 * modifiers written out (`numeric(10)` is `numeric(10,0)`, `character` is `character(1)`) and `sql`
 * recomputed. Serial pseudo-types become their integer type; the caller turns them into a sequence default.
 */
export function normalizeType(t: ColumnType): ColumnType {
  const schema = t.schema && t.schema !== 'pg_catalog' ? t.schema : undefined;
  const given = schema ? t.name : t.name.toLowerCase().replace(/\s+/g, ' ').trim();
  let name = schema ? given : (SERIAL_TYPES[given] ?? ALIASES[given] ?? given);
  let modifiers = t.modifiers.map((m) => m.trim());
  if (!schema && name === 'numeric' && modifiers.length === 1) modifiers = [modifiers[0]!, '0'];
  // `character` alone means character(1); so does `char` unless it is the quoted one-byte "char" type
  // (which takes no modifiers). The parser writes the 1 out itself; readers spelling names may not.
  const charAlias = given === 'character' || (given === 'char' && (modifiers.length > 0 || !t.sql.trim().startsWith('"')));
  if (!schema && charAlias) {
    name = 'bpchar';
    if (modifiers.length === 0) modifiers = ['1'];
  }
  const base = { name, ...(schema ? { schema } : {}), modifiers, arrayDims: t.arrayDims, sql: t.sql };
  return { ...base, sql: typeSql(base) };
}
