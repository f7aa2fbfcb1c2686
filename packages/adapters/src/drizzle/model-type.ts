/**
 * Column types between drizzle-kit's snapshot text (`varchar(100)`, `timestamp (3) with time zone`,
 * `integer[][]`, an enum's bare name) and the model's {@link ColumnType}. The text is read by
 * PostgreSQL's own parser (a throwaway CREATE TABLE), so every spelling PostgreSQL accepts resolves to
 * its canonical name (`int4`, `varchar`, `timestamptz`, `bpchar`).
 */
import { ident, loadPostgresParser, parsePostgres, type ColumnType } from '@dbm/core';

/**
 * Spellings of a type name that are not the parser's canonical one, for writers given a hand-made model.
 * Not `char`: canonical models keep that name for PostgreSQL's one-byte "char" type.
 */
const ALIASES: Readonly<Record<string, string>> = {
  integer: 'int4',
  int: 'int4',
  smallint: 'int2',
  bigint: 'int8',
  boolean: 'bool',
  real: 'float4',
  'double precision': 'float8',
  decimal: 'numeric',
  'character varying': 'varchar',
  character: 'bpchar',
  'timestamp with time zone': 'timestamptz',
  'timestamp without time zone': 'timestamp',
  'time with time zone': 'timetz',
  'time without time zone': 'time',
  'bit varying': 'varbit',
};

/** The parser's canonical name of a type name (`integer` → `int4`), for names written by hand. */
export function canonicalTypeName(name: string): string {
  return ALIASES[name.toLowerCase()] ?? name;
}

/** Makes sure the parser is loaded: {@link parseTypeSql} is synchronous. */
export function loadTypeParser(): Promise<void> {
  return loadPostgresParser();
}

/**
 * A type as SQL text → ColumnType; `undefined` when PostgreSQL's parser refuses it.
 * `pg_catalog` is left out of `schema`, and of `sql`, where the deparser put it (`pg_catalog.json`).
 */
export function parseTypeSql(text: string): ColumnType | undefined {
  let parsed;
  try {
    parsed = parsePostgres(`CREATE TABLE t (c ${text})`);
  } catch {
    return undefined;
  }
  const op = parsed.statements[0]?.ops[0];
  if (op?.kind !== 'createTable' || op.columns.length !== 1) return undefined;
  const type = op.columns[0]!.type;
  const { schema, ...rest } = type;
  return {
    ...rest,
    ...(schema && schema !== 'pg_catalog' ? { schema } : {}),
    sql: type.sql.replace(/^pg_catalog\./, ''),
  };
}

/** An enum (or other user-defined) type by name, schema-qualified as the catalog reader gives it. */
export function namedType(name: string, schema: string | undefined, arrayDims: number): ColumnType {
  const where = schema || 'public';
  return { name, schema: where, modifiers: [], arrayDims, sql: `${ident(where)}.${ident(name)}${'[]'.repeat(arrayDims)}` };
}

/** Splits drizzle's `integer[][]` / `integer[3]` into the element type and the number of dimensions. */
export function splitArray(text: string): { element: string; arrayDims: number } {
  const dims = text.match(/\[\d*\]/g) ?? [];
  return { element: text.replace(/(\[\d*\])+$/, '').trim(), arrayDims: dims.length };
}
