/**
 * Column defaults of Prisma's SQL, as PostgreSQL will print them back (pg_get_expr): the model keeps
 * defaults in that spelling so a schema read from Prisma compares equal to the database Prisma's
 * migrations build. Prisma writes few shapes (a quoted string, a bare number, true/false,
 * CURRENT_TIMESTAMP, an ARRAY[...] cast, or a dbgenerated() expression verbatim); the first four are
 * spelled the way the server stores them, the rest are kept as expressions.
 */
import type { ColumnType, DefaultModel } from '@dbm/core';

/** How PostgreSQL prints a cast to a built-in type (without its modifiers). */
const CAST_NAMES: Readonly<Record<string, string>> = {
  int2: 'smallint',
  int4: 'integer',
  int8: 'bigint',
  float4: 'real',
  float8: 'double precision',
  bool: 'boolean',
  varchar: 'character varying',
  timestamp: 'timestamp without time zone',
  timestamptz: 'timestamp with time zone',
  time: 'time without time zone',
  timetz: 'time with time zone',
  varbit: 'bit varying',
};

const PLAIN = /^[a-z_][a-z0-9_]*$/;
const quoted = (name: string) => (PLAIN.test(name) ? name : `"${name.replace(/"/g, '""')}"`);

/**
 * The type as it appears after `::` in pg_get_expr output read with an empty search_path (as
 * introspectSchema reads it): user types schema-qualified, built-in types bare.
 */
function castName(type: ColumnType): string {
  const base = type.schema ? `${quoted(type.schema)}.${quoted(type.name)}` : (CAST_NAMES[type.name] ?? type.name);
  return `${base}${'[]'.repeat(type.arrayDims)}`;
}

/** The type PostgreSQL gives a numeric constant: integer, bigint when larger, numeric with a fraction. */
function constantType(text: string): string {
  if (!/^-?\d+$/.test(text)) return 'numeric';
  const n = BigInt(text);
  if (n >= -(2n ** 31n) && n < 2n ** 31n) return 'integer';
  return n >= -(2n ** 63n) && n < 2n ** 63n ? 'bigint' : 'numeric';
}

const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;
const STRING = /^'((?:[^']|'')*)'$/;

/**
 * The model's default for a column Prisma declares with `DEFAULT <sql>` (`sql` as the parser deparsed it).
 * `serial` columns never reach here: the caller turns them into sequence defaults.
 */
export function prismaDefault(sql: string, type: ColumnType): DefaultModel {
  const text = sql.trim();
  if (/^current_timestamp$/i.test(text)) return { kind: 'now', sql: 'CURRENT_TIMESTAMP' };
  if (/^now\(\)$/i.test(text)) return { kind: 'now', sql: 'now()' };
  if (/^(pg_catalog\.)?gen_random_uuid\(\)$/i.test(text)) return { kind: 'uuid', sql: 'gen_random_uuid()' };
  if (text === 'true' || text === 'false') return { kind: 'literal', sql: text, value: text === 'true' };
  if (NUMBER.test(text)) {
    // the server keeps a negative constant as a string cast to the constant's own type
    const printed = text.startsWith('-') ? `'${text}'::${constantType(text)}` : text;
    return { kind: 'literal', sql: printed, value: Number(text) };
  }
  const str = STRING.exec(text);
  if (str && type.arrayDims === 0) {
    const value = str[1]!.replace(/''/g, "'");
    return { kind: 'literal', sql: `${text}::${castName(type)}`, value };
  }
  return { kind: 'expression', sql: text };
}
