/**
 * A column type → drizzle's builder for it: the native one when pg-core has it (`varchar({ length })`,
 * `numeric({ precision, scale })`, `timestamp({ withTimezone, precision })`…), the module's enum, or a
 * `customType` spelling the SQL type, which drizzle-kit writes as it is.
 */
import type { ColumnType } from '@dbm/core';
import { keyOf, type WriteContext } from './model-write-context.js';
import { canonicalTypeName } from './model-type.js';
import { camelCase, tsObject, tsString } from './model-write-ts.js';

/** A builder call before its column name: `varchar` with options `{ length: 100 }`. */
export interface TypeBuilder {
  readonly fn: string;
  readonly options?: string;
  /** A pg-core builder (imported) rather than a module variable (enum, custom type). */
  readonly imported: boolean;
  /** The canonical type name, for the default writer. */
  readonly kind: string;
}

/** pg-core builders taking no options, by canonical type name. */
const PLAIN: Readonly<Record<string, string>> = {
  int2: 'smallint', int4: 'integer', bool: 'boolean', text: 'text', float4: 'real', float8: 'doublePrecision',
  json: 'json', jsonb: 'jsonb', uuid: 'uuid', inet: 'inet', cidr: 'cidr', macaddr: 'macaddr', macaddr8: 'macaddr8', date: 'date',
};

const INTERVAL_FIELDS = [
  'year to month', 'day to hour', 'day to minute', 'day to second', 'hour to minute', 'hour to second', 'minute to second',
  'year', 'month', 'day', 'hour', 'minute', 'second',
];

/** `interval day to second(3)` → its fields and precision, read from the SQL (its typmods are packed bits). */
function intervalOptions(sql: string): string {
  const text = sql.toLowerCase().replace(/^pg_catalog\./, '').replace(/(\[\d*\])+$/, '');
  const fields = INTERVAL_FIELDS.find((f) => new RegExp(`^interval\\s+${f.replace(/ /g, '\\s+')}\\b`).test(text));
  const precision = /\((\d+)\)\s*$/.exec(text)?.[1];
  return tsObject({ fields: fields ? tsString(fields) : undefined, precision });
}

/** The SQL a custom type gives drizzle-kit: which quotes any name it does not know as ONE identifier. */
function customSql(type: ColumnType): string {
  const mods = type.modifiers.length ? `(${type.modifiers.join(', ')})` : '';
  if (type.name === 'varbit') return `bit varying${mods}`;
  // the one-byte "char" type: bare `char` would be character(1), so it keeps its quotes (and is reported)
  if (type.name === 'char' && !type.schema) return '"char"';
  if (type.schema && type.schema !== 'pg_catalog') return `${type.schema === 'public' ? '' : `${type.schema}.`}${type.name}${mods}`;
  return type.sql.replace(/(\[\d*\])+$/, '').replace(/^pg_catalog\./, '').replace(/^"([^"]+)"$/, '$1');
}

const DATA_TYPES: Readonly<Record<string, string>> = { bytea: 'Buffer' };

/** The builder of `type` (its array dimensions are the caller's). */
export function typeBuilder(type: ColumnType, ctx: WriteContext): TypeBuilder {
  const kind = canonicalTypeName(type.name);
  const [m1, m2] = type.modifiers;
  const native = (fn: string, options?: string): TypeBuilder => ({ fn, imported: true, kind, ...(options && options !== '{}' ? { options } : {}) });
  const plain = PLAIN[kind];
  const enumVar = ctx.enumVars.get(keyOf(type.schema, type.name));
  if (enumVar) return { fn: enumVar, imported: false, kind: 'enum' };
  const builtIn = !type.schema || type.schema === 'pg_catalog';
  if (plain && builtIn) return native(plain);
  if (builtIn) {
    switch (kind) {
      case 'int8':
        return native('bigint', tsObject({ mode: tsString('number') }));
      case 'serial':
      case 'smallserial':
        return native(kind);
      case 'bigserial':
        return native(kind, tsObject({ mode: tsString('number') }));
      case 'varchar':
        return native('varchar', tsObject({ length: m1 }));
      case 'bpchar':
        return native('char', tsObject({ length: m1 }));
      case 'numeric':
        return native('numeric', tsObject({ precision: m1, scale: m2 }));
      case 'timestamp':
      case 'timestamptz':
        return native('timestamp', tsObject({ withTimezone: kind === 'timestamptz' ? 'true' : undefined, precision: m1 }));
      case 'time':
      case 'timetz':
        return native('time', tsObject({ withTimezone: kind === 'timetz' ? 'true' : undefined, precision: m1 }));
      case 'interval':
        return native('interval', intervalOptions(type.sql));
    }
  }
  const dataType = customSql(type);
  let def = ctx.customTypes.get(dataType);
  if (!def) {
    def = { name: ctx.top.claim(camelCase(dataType)), dataType, data: DATA_TYPES[kind] ?? 'string' };
    ctx.customTypes.set(dataType, def);
  }
  return { fn: def.name, imported: false, kind };
}

/** Whether drizzle-kit will write `dataType` as SQL (it quotes anything not starting like a type it knows). */
export function drizzleKeepsType(dataType: string): boolean {
  const known = /^(uuid|smallint|integer|bigint|boolean|text|varchar|serial|bigserial|decimal|numeric|real|json|jsonb|time|timestamp|date|interval|double precision|char|vector|geometry|halfvec|sparsevec|bit)/;
  return known.test(dataType) || /^[a-z_][a-z0-9_$]*$/.test(dataType);
}
