/**
 * Column defaults sorted into the model's kinds, so ORM writers can use their own idiom (`now()`,
 * `gen_random_uuid()`, a literal value) and fall back to the SQL text for anything else.
 */
import { parseSync } from '../dialects/postgres/wasm.js';
import { as, list, selectTarget, str, type Body } from '../dialects/postgres/ast.js';
import type { DefaultModel } from './model.js';

/** Spellings of "the current time" (compared lower-case, without spaces). */
const NOW = new Set(['now()', 'current_timestamp', 'transaction_timestamp()']);
/** Spellings of "a random uuid". */
const UUID = new Set(['gen_random_uuid()', 'uuid_generate_v4()', 'public.uuid_generate_v4()', 'pg_catalog.gen_random_uuid()']);

/** Types whose literal values are numbers in JavaScript. */
const NUMERIC_TYPES = new Set(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'smallint', 'integer', 'bigint', 'real']);

/**
 * The kind of a default from its spelling alone, without the parser: now / uuid by their well-known
 * calls, otherwise undefined. {@link normalizeSchema} uses it on defaults a reader left as expressions.
 */
export function knownDefault(sql: string): DefaultModel | undefined {
  const key = sql.toLowerCase().replace(/\s+/g, '');
  if (NOW.has(key)) return { kind: 'now', sql };
  if (UUID.has(key)) return { kind: 'uuid', sql };
  return undefined;
}

/**
 * Classifies a default expression as PostgreSQL prints it (pg_get_expr). A constant, possibly cast
 * (`'new'::text`, `'-1'::integer`, `true`, `NULL::character varying`), is a literal with its JavaScript
 * value; now() / CURRENT_TIMESTAMP and gen_random_uuid() are named; everything else is an expression.
 * Sequence defaults are recognised by the caller, which knows which sequence the column owns.
 * Needs the parser loaded (`loadPostgresParser()`).
 */
export function classifyDefault(sql: string): DefaultModel {
  const known = knownDefault(sql);
  if (known) return known;
  let target: unknown;
  try {
    target = selectTarget((parseSync(`SELECT ${sql}`) as { stmts: { stmt: Body }[] }).stmts[0]!.stmt);
  } catch {
    return { kind: 'expression', sql };
  }
  const value = literalValue(target, undefined);
  return value === NOT_LITERAL ? { kind: 'expression', sql } : { kind: 'literal', sql, value };
}

const NOT_LITERAL = Symbol('not a literal');

/** The value of a constant, through any casts; the outermost cast decides whether a string is a number. */
function literalValue(node: unknown, castTo: string | undefined): string | number | boolean | null | typeof NOT_LITERAL {
  const cast = as(node, 'TypeCast');
  if (cast) {
    const typeName = (as(cast.typeName, 'TypeName') ?? cast.typeName) as Body;
    const names = list(typeName, 'names').map(str);
    const isArray = list(typeName, 'arrayBounds').length > 0;
    return literalValue(cast.arg, castTo ?? (isArray ? 'array' : names[names.length - 1]));
  }
  const c = as(node, 'A_Const');
  if (!c) return NOT_LITERAL;
  if (c.isnull === true) return null;
  const boolval = c.boolval as Body | undefined;
  if (boolval !== undefined) return boolval.boolval === true;
  const ival = c.ival as Body | undefined;
  if (ival !== undefined) return Number(ival.ival ?? 0);
  const fval = c.fval as Body | undefined;
  if (fval !== undefined) return Number(fval.fval);
  const sval = c.sval as Body | undefined;
  const text = String(sval?.sval ?? '');
  if (castTo === 'bool') return text === 't' || text === 'true';
  if (castTo && NUMERIC_TYPES.has(castTo) && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  return text;
}
