/**
 * PostgreSQL's one-byte `"char"` type (OID 18: pg_constraint.contype, pg_class.relkind, ...) through
 * @prisma/adapter-pg. The adapter has no column type for it and fails every query that returns such a
 * column ("Unsupported column type char"), yet the schema engine's describer selects several of them:
 * any `diff` or introspection from a live database fails with "Column type 'char' could not be
 * deserialized". The engine itself knows the type (its Character column type, read as a one-character
 * string), so dbm hands such columns to the adapter as text and then tells the engine they are Character.
 */
import pg from 'pg';

/** OID of `"char"`. */
const CHAR_OID = 18;
/** OID of `text`, which the adapter reads as a string. */
const TEXT_OID = 25;
/** The driver-adapter column type `Character` (@prisma/driver-adapter-utils ColumnTypeEnum). */
const CHARACTER_COLUMN = 6;

/** Where a result's `"char"` column positions travel from pg to the adapter's result (its rows array is passed through). */
const CHAR_COLUMNS = Symbol('dbm.charColumns');

interface PgResult {
  fields?: { dataTypeID: number }[];
  rows?: unknown[];
}

/** Retypes `"char"` fields as text and remembers their positions on the rows array. */
function retype<T>(result: T): T {
  const r = result as PgResult;
  const positions: number[] = [];
  r.fields?.forEach((f, i) => {
    if (f.dataTypeID === CHAR_OID) {
      f.dataTypeID = TEXT_OID;
      positions.push(i);
    }
  });
  if (positions.length && Array.isArray(r.rows)) Object.defineProperty(r.rows, CHAR_COLUMNS, { value: positions });
  return result;
}

/** A query's return value: a promise of a result (retyped), or a submittable / undefined (callback forms, left alone). */
function retypeQuery(result: unknown): unknown {
  return result instanceof Promise ? result.then(retype) : result;
}

/** A client whose promise-returning queries retype `"char"` columns (transactions use pool clients directly). */
class CharClient extends pg.Client {
  override query(...args: unknown[]): never {
    return retypeQuery((super.query as (...a: unknown[]) => unknown)(...args)) as never;
  }
}

/** A pool whose own queries (outside transactions) retype `"char"` columns too. */
class CharPool extends pg.Pool {
  override query(...args: unknown[]): never {
    return retypeQuery((super.query as (...a: unknown[]) => unknown)(...args)) as never;
  }
}

/** A pg pool for @prisma/adapter-pg that can read `"char"` columns. */
export function charAwarePool(config: pg.PoolConfig): pg.Pool {
  return new CharPool({ ...config, Client: CharClient });
}

interface RawResult {
  columnTypes: number[];
  rows: unknown[] & { [CHAR_COLUMNS]?: number[] };
}

function markCharacters(result: RawResult): RawResult {
  for (const i of result.rows?.[CHAR_COLUMNS] ?? []) result.columnTypes[i] = CHARACTER_COLUMN;
  return result;
}

/**
 * Wraps a connected adapter (and the transactions it starts) so `queryRaw` reports the retyped
 * columns as Character, the type the engine expects for `"char"`.
 */
export function withCharColumns<T extends object>(adapter: T): T {
  return new Proxy(adapter, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key);
      if (typeof value !== 'function') return value;
      const fn = value as (...args: unknown[]) => Promise<unknown>;
      if (key === 'queryRaw') return async (...args: unknown[]) => markCharacters((await fn.apply(target, args)) as RawResult);
      if (key === 'startTransaction') return async (...args: unknown[]) => withCharColumns((await fn.apply(target, args)) as object);
      return fn.bind(target);
    },
  });
}
