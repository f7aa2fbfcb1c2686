/**
 * The model's native PostgreSQL types → TypeORM's column options, always explicit (tsx emits no decorator
 * metadata, and an implicit type is a guess): `varchar(100)` → `{ type: 'varchar', length: 100 }`,
 * `numeric(10,2)` → `{ type: 'numeric', precision: 10, scale: 2 }`, `timestamptz(3)` → `{ type:
 * 'timestamptz', precision: 3 }`. A type TypeORM's PostgreSQL driver does not accept is reported.
 */
import type { ColumnType } from '@dbm/core';

/** Column options that carry a type. */
export interface TypeOptions {
  readonly type: string;
  readonly length?: number;
  readonly precision?: number;
  readonly scale?: number;
  readonly array?: boolean;
  /** The TypeScript type of the property. */
  readonly ts: string;
}

// canonical name → TypeORM's name for it, and the TypeScript type node-postgres hands back
const PLAIN: Readonly<Record<string, [string, string]>> = {
  int2: ['smallint', 'number'],
  int4: ['integer', 'number'],
  int8: ['bigint', 'string'],
  float4: ['real', 'number'],
  float8: ['double precision', 'number'],
  bool: ['boolean', 'boolean'],
  text: ['text', 'string'],
  bytea: ['bytea', 'Buffer'],
  date: ['date', 'string'],
  uuid: ['uuid', 'string'],
  json: ['json', 'unknown'],
  jsonb: ['jsonb', 'unknown'],
  inet: ['inet', 'string'],
  cidr: ['cidr', 'string'],
  macaddr: ['macaddr', 'string'],
  macaddr8: ['macaddr8', 'string'],
  money: ['money', 'string'],
  xml: ['xml', 'string'],
  tsvector: ['tsvector', 'string'],
  tsquery: ['tsquery', 'string'],
  jsonpath: ['jsonpath', 'string'],
  point: ['point', 'unknown'],
  line: ['line', 'string'],
  lseg: ['lseg', 'string'],
  box: ['box', 'string'],
  path: ['path', 'string'],
  polygon: ['polygon', 'string'],
  circle: ['circle', 'unknown'],
  int4range: ['int4range', 'string'],
  int8range: ['int8range', 'string'],
  numrange: ['numrange', 'string'],
  tsrange: ['tsrange', 'string'],
  tstzrange: ['tstzrange', 'string'],
  daterange: ['daterange', 'string'],
};

// extension types TypeORM's driver knows by name, wherever the extension put them
const EXTENSION: Readonly<Record<string, string>> = { citext: 'string', hstore: 'unknown', ltree: 'string', cube: 'unknown', geometry: 'unknown', geography: 'unknown' };

// types whose one modifier TypeORM writes as a length, or as a precision
const LENGTH: Readonly<Record<string, [string, string]>> = { varchar: ['varchar', 'string'], bpchar: ['char', 'string'], bit: ['bit', 'string'], varbit: ['varbit', 'string'] };
const PRECISION: Readonly<Record<string, [string, string]>> = {
  timestamptz: ['timestamptz', 'Date'],
  timestamp: ['timestamp', 'Date'],
  time: ['time', 'string'],
  timetz: ['timetz', 'string'],
  interval: ['interval', 'unknown'],
};

const int = (s: string | undefined) => (s !== undefined && /^\d+$/.test(s) ? Number(s) : undefined);

/** TypeORM's options for a type; a string saying why when TypeORM cannot write it exactly. */
export function typeOptions(t: ColumnType): TypeOptions | string {
  const builtin = !t.schema || t.schema === 'pg_catalog';
  const array = t.arrayDims > 0 ? { array: true } : {};
  if (t.arrayDims > 1) return `${t.sql}: TypeORM writes arrays of one dimension`;
  const m = t.modifiers;
  const wrap = (o: TypeOptions): TypeOptions => ({ ...o, ...array, ts: t.arrayDims ? `${o.ts}[]` : o.ts });
  if (!builtin) {
    const ts = EXTENSION[t.name];
    return ts && m.length === 0 ? wrap({ type: t.name, ts }) : `${t.sql}: TypeORM's PostgreSQL driver has no such column type`;
  }
  const plain = PLAIN[t.name];
  if (plain && m.length === 0) return wrap({ type: plain[0], ts: plain[1] });
  const length = LENGTH[t.name];
  if (length && m.length <= 1) return wrap({ type: length[0], ...(m.length ? { length: int(m[0]) } : {}), ts: length[1] });
  const precision = PRECISION[t.name];
  if (precision && m.length <= 1 && (m.length === 0 || int(m[0]) !== undefined)) {
    return wrap({ type: precision[0], ...(m.length ? { precision: int(m[0]) } : {}), ts: precision[1] });
  }
  if (t.name === 'numeric' && m.length <= 2 && m.every((x) => int(x) !== undefined)) {
    return wrap({ type: 'numeric', ...(m[0] !== undefined ? { precision: int(m[0]) } : {}), ...(m[1] !== undefined ? { scale: int(m[1]) } : {}), ts: 'string' });
  }
  return `${t.sql}: TypeORM's PostgreSQL driver cannot write this type with these modifiers`;
}
