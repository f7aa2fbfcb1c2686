/**
 * PostgreSQL column types as Prisma spells them: a scalar (`String`, `Int`, `DateTime`…) and, when the
 * type is not that scalar's default, its `@db.*` native type. Prisma's defaults (what a field without
 * `@db` becomes in its SQL): String → text, Int → integer, BigInt → bigint, Float → double precision,
 * Decimal → numeric(65,30), DateTime → timestamp(3), Boolean → boolean, Json → jsonb, Bytes → bytea
 * (checked against the engine's SQL in model-write.test.ts). A type with no Prisma scalar becomes
 * `Unsupported("…")`: Prisma migrations still create it, Prisma Client cannot read or write it.
 */
import { canonicalTypeName as coreCanonicalTypeName, type ColumnType } from '@dbm/core';

/** A field type: the scalar (or enum / Unsupported) and its native-type attribute. */
export interface PrismaFieldType {
  /** `Int`, `String`, an enum's model name, or `Unsupported("interval")`. */
  readonly type: string;
  /** `@db.VarChar(255)`, or undefined for the scalar's default type. */
  readonly native?: string;
  readonly list: boolean;
  /** True for Unsupported(...): Prisma Client leaves the column out. */
  readonly unsupported: boolean;
}


type Rule = { scalar: string; native?: string; defaultMods?: readonly string[]; mods?: 'optional' | 'none' };

/** PostgreSQL type → Prisma scalar and native type. `defaultMods`: modifiers meaning "no @db needed". */
const RULES: Readonly<Record<string, Rule>> = {
  int4: { scalar: 'Int', mods: 'none' },
  int2: { scalar: 'Int', native: 'SmallInt', mods: 'none' },
  oid: { scalar: 'Int', native: 'Oid', mods: 'none' },
  int8: { scalar: 'BigInt', mods: 'none' },
  float8: { scalar: 'Float', mods: 'none' },
  float4: { scalar: 'Float', native: 'Real', mods: 'none' },
  numeric: { scalar: 'Decimal', native: 'Decimal', defaultMods: ['65', '30'], mods: 'optional' },
  money: { scalar: 'Decimal', native: 'Money', mods: 'none' },
  text: { scalar: 'String', mods: 'none' },
  varchar: { scalar: 'String', native: 'VarChar', mods: 'optional' },
  bpchar: { scalar: 'String', native: 'Char', mods: 'optional' },
  uuid: { scalar: 'String', native: 'Uuid', mods: 'none' },
  xml: { scalar: 'String', native: 'Xml', mods: 'none' },
  inet: { scalar: 'String', native: 'Inet', mods: 'none' },
  citext: { scalar: 'String', native: 'Citext', mods: 'none' },
  bit: { scalar: 'String', native: 'Bit', mods: 'optional' },
  varbit: { scalar: 'String', native: 'VarBit', mods: 'optional' },
  bool: { scalar: 'Boolean', mods: 'none' },
  timestamp: { scalar: 'DateTime', native: 'Timestamp', defaultMods: ['3'], mods: 'optional' },
  timestamptz: { scalar: 'DateTime', native: 'Timestamptz', mods: 'optional' },
  date: { scalar: 'DateTime', native: 'Date', mods: 'none' },
  time: { scalar: 'DateTime', native: 'Time', mods: 'optional' },
  timetz: { scalar: 'DateTime', native: 'Timetz', mods: 'optional' },
  jsonb: { scalar: 'Json', mods: 'none' },
  json: { scalar: 'Json', native: 'Json', mods: 'none' },
  bytea: { scalar: 'Bytes', mods: 'none' },
};

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x.trim() === b[i]);

/** The canonical name of a built-in type (core's, plus `char` for `character`, as Prisma's readers spell it). */
export function canonicalTypeName(t: ColumnType): string {
  const name = coreCanonicalTypeName(t.name);
  return name === 'char' ? 'bpchar' : name;
}

/** The SQL a type is written as inside Unsupported("…"). */
function unsupportedSql(t: ColumnType): string {
  const base = t.sql.replace(/(\[\])+$/, '').trim() || t.name;
  return `${base}${'[]'.repeat(t.arrayDims)}`;
}

/**
 * The Prisma type of a column. `enumName` resolves a user type to the enum's Prisma name (undefined
 * when the type is no enum of the model). Multi-dimensional arrays are Unsupported: Prisma lists have one.
 */
export function prismaFieldType(t: ColumnType, enumName: (t: ColumnType) => string | undefined): PrismaFieldType {
  const list = t.arrayDims === 1;
  const unsupported = (): PrismaFieldType => ({ type: `Unsupported(${JSON.stringify(unsupportedSql(t))})`, list: false, unsupported: true });
  if (t.arrayDims > 1) return unsupported();
  const asEnum = enumName(t);
  if (asEnum) return { type: asEnum, list, unsupported: false };
  if (t.schema && t.schema !== 'pg_catalog') return unsupported();
  const rule = RULES[canonicalTypeName(t)];
  if (!rule) return unsupported();
  const mods = t.modifiers.map((m) => m.trim());
  if (rule.mods === 'none' && mods.length > 0) return unsupported();
  if (!rule.native || (rule.defaultMods && same(mods, rule.defaultMods))) return { type: rule.scalar, list, unsupported: false };
  const native = `@db.${rule.native}${mods.length ? `(${mods.join(', ')})` : ''}`;
  return { type: rule.scalar, native, list, unsupported: false };
}
