/**
 * One column of drizzle-kit's snapshot → {@link ColumnModel}: its type text parsed, serial types
 * turned into their integer type with the sequence default PostgreSQL gives them, and the default
 * classified (literal, now(), gen_random_uuid(), nextval(), other expression).
 */
import { classifyDefault, type ColumnModel, type ColumnType, type DefaultModel, type SchemaWarning } from '@dbm/core';
import { pgSerialSequenceName } from './model-pg-names.js';
import { namedType, parseTypeSql, splitArray } from './model-type.js';

/** An identity column's sequence options as drizzle-kit records them (strings). */
export interface PgIdentityJson {
  readonly type: 'always' | 'byDefault';
  readonly name?: string;
  readonly increment?: string;
  readonly minValue?: string;
  readonly maxValue?: string;
  readonly startWith?: string;
  readonly cache?: string;
  readonly cycle?: boolean;
}

/** A column in drizzle-kit's PostgreSQL snapshot (version 7). */
export interface PgColumnJson {
  readonly name: string;
  readonly type: string;
  readonly typeSchema?: string;
  readonly primaryKey: boolean;
  readonly notNull: boolean;
  readonly default?: unknown;
  readonly identity?: PgIdentityJson;
  readonly generated?: { readonly as: string; readonly type: string };
}

const SERIALS: Readonly<Record<string, string>> = { serial: 'integer', bigserial: 'bigint', smallserial: 'smallint' };

/** The largest value of each integer type: an identity's default MAXVALUE. */
const MAX_VALUES: Readonly<Record<string, string>> = { int2: '32767', int4: '2147483647', int8: '9223372036854775807' };

/** Types whose constants are numbers in JavaScript (as the catalog reader gives them). */
const NUMBERS = new Set(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric']);

/**
 * Classifies a default as drizzle-kit wrote it: JS numbers and booleans stay values, strings are SQL
 * (classified as the catalog reader classifies PostgreSQL's own text). drizzle writes a numeric
 * default as a bare string (`'0.00'`), which PostgreSQL stores as a number: so is its value here.
 */
export function classifyDrizzleDefault(value: unknown, type: ColumnType): DefaultModel {
  if (typeof value === 'number' || typeof value === 'boolean') return { kind: 'literal', sql: String(value), value };
  const sql = String(value).trim();
  const seq = /^nextval\('((?:[^']|'')+)'(?:::regclass)?\)$/i.exec(sql);
  if (seq) return { kind: 'sequence', sequence: seq[1]!.replace(/''/g, "'") };
  const d = classifyDefault(sql);
  if (d.kind === 'literal' && typeof d.value === 'string' && type.arrayDims === 0 && NUMBERS.has(type.name) && d.value.trim() !== '' && Number.isFinite(Number(d.value))) {
    return { ...d, value: Number(d.value) };
  }
  return d;
}

/** The column's type; an unparseable custom type is kept as written, with a warning. */
function columnType(c: PgColumnJson, object: string, warnings: SchemaWarning[]): ColumnType {
  const { element, arrayDims } = splitArray(c.type);
  if (c.typeSchema) return namedType(element, c.typeSchema, arrayDims);
  const parsed = parseTypeSql(c.type);
  if (parsed) return parsed;
  warnings.push({ object, message: `type "${c.type}" is not one PostgreSQL's parser reads; kept as written` });
  return { name: element, modifiers: [], arrayDims, sql: c.type };
}

/** Warns about identity sequence options the model does not keep (it records only ALWAYS / BY DEFAULT). */
function identityWarning(id: PgIdentityJson, type: ColumnType, object: string): SchemaWarning | undefined {
  const max = MAX_VALUES[type.name];
  const defaults: Record<string, string | boolean | undefined> = { increment: '1', minValue: '1', maxValue: max, startWith: '1', cache: '1', cycle: false };
  const odd = Object.entries(defaults).filter(([k, v]) => {
    const actual = id[k as keyof PgIdentityJson];
    return actual !== undefined && v !== undefined && String(actual) !== String(v);
  });
  if (!odd.length) return undefined;
  return { object, message: `identity options ${odd.map(([k]) => `${k}=${String(id[k as keyof PgIdentityJson])}`).join(', ')} are not kept in the model (only the identity kind is)` };
}

/** Maps one snapshot column of table `table` (`object` names it in warnings). */
export function readColumn(table: string, c: PgColumnJson, object: string, warnings: SchemaWarning[]): ColumnModel {
  const serial = SERIALS[c.type];
  const type = serial ? parseTypeSql(serial)! : columnType(c, object, warnings);
  let def: DefaultModel | undefined;
  if (serial) def = { kind: 'sequence', sequence: pgSerialSequenceName(table, c.name) };
  else if (c.default !== undefined) def = classifyDrizzleDefault(c.default, type);
  if (c.identity) {
    const w = identityWarning(c.identity, type, object);
    if (w) warnings.push(w);
  }
  if (c.generated && c.generated.type !== 'stored') warnings.push({ object, message: `generated column kind "${c.generated.type}" read as STORED` });
  return {
    name: c.name,
    type,
    nullable: !(c.notNull || c.primaryKey || serial !== undefined || c.identity !== undefined),
    ...(def ? { default: def } : {}),
    ...(c.identity ? { identity: c.identity.type === 'always' ? ('always' as const) : ('by default' as const) } : {}),
    ...(c.generated ? { generated: c.generated.as } : {}),
  };
}
