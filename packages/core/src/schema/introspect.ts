/**
 * Reads a {@link SchemaModel} from the catalogs of PostgreSQL 12+ (a server through pg's Client, or
 * PGlite): tables, columns, keys, checks, indexes, enums and comments; everything else in the schemas
 * (views, functions, triggers, domains, free sequences, policies…) as extras carrying its SQL.
 *
 * The connection must be one session (a Client, not a Pool): reading sets search_path to empty for
 * its duration, so PostgreSQL prints every name schema-qualified, and restores it afterwards.
 */
import { loadPostgresParser } from '../dialects/postgres/parse.js';
import { literal, qname } from '../dialects/postgres/quote.js';
import { inScriptOrder } from './extra-kinds.js';
import { columnOf } from './introspect-columns.js';
import { readConstraints, readIndexes, type TableKeys } from './introspect-constraints.js';
import { SchemaIntrospectionError } from './introspect-error.js';
import { introspectExtras, optionList } from './introspect-extras.js';
import { COLUMNS, constraints, ENUMS, indexes, TABLES } from './introspect-queries.js';
import type { EnumModel, ExtraModel, SchemaModel, TableModel } from './model.js';
import type { Queryable } from './queryable.js';

export type { Queryable } from './queryable.js';

/** What to read. */
export interface IntrospectSchemaOptions {
  /** The schemas to read; every user schema when absent. dbm's own `_dbm` schema is never read. */
  readonly schemas?: readonly string[];
  /** Tables to leave out, as `schema.table` or a bare `table` (any schema): the ORMs' ledgers. */
  readonly exclude?: readonly string[];
}

type Row = Record<string, unknown>;

/** dbm's bookkeeping schema: never part of an application's schema. */
const DBM_SCHEMA = '_dbm';

const USER_SCHEMAS = `
  SELECT nspname AS name FROM pg_namespace
  WHERE nspname NOT IN ('pg_catalog', 'information_schema', '${DBM_SCHEMA}') AND nspname NOT LIKE 'pg\\_%'
  ORDER BY 1`;

function groupBy(rows: readonly Row[], key: string): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const r of rows) out.set(String(r[key]), [...(out.get(String(r[key])) ?? []), r]);
  return out;
}

/** Table properties the model has no field for, as ALTER TABLE statements. */
function tableOptions(t: Row): ExtraModel[] {
  const q = qname({ schema: String(t.schema), name: String(t.name) });
  const sql = [
    t.persistence === 'u' ? `ALTER TABLE ${q} SET UNLOGGED` : '',
    optionList(t.options) ? `ALTER TABLE ${q} SET (${optionList(t.options)})` : '',
    t.rls ? `ALTER TABLE ${q} ENABLE ROW LEVEL SECURITY` : '',
    t.force_rls ? `ALTER TABLE ${q} FORCE ROW LEVEL SECURITY` : '',
  ].filter(Boolean);
  return sql.length ? [{ kind: 'table option', schema: String(t.schema), name: `${String(t.schema)}.${String(t.name)}`, sql: sql.join(';\n') }] : [];
}

/** Reads the schema model of `db`. */
export async function introspectSchema(db: Queryable, opts: IntrospectSchemaOptions = {}): Promise<SchemaModel> {
  await loadPostgresParser();
  const saved = (await db.query<{ path: string }>(`SELECT current_setting('search_path') AS path`)).rows[0]?.path ?? '';
  await db.query(`SELECT set_config('search_path', '', false)`);
  try {
    return await read(db, opts);
  } finally {
    await db.query(`SELECT set_config('search_path', $1, false)`, [saved]);
  }
}

async function read(db: Queryable, opts: IntrospectSchemaOptions): Promise<SchemaModel> {
  const version = Number((await db.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`)).rows[0]?.v ?? 0);
  if (version < 120000) throw new SchemaIntrospectionError(`PostgreSQL 12 or later is needed to read a schema (server version ${version})`);
  const pg15 = version >= 150000;
  const schemas = (opts.schemas ?? (await db.query<{ name: string }>(USER_SCHEMAS)).rows.map((r) => r.name)).filter((s) => s !== DBM_SCHEMA);
  const excluded = new Set(opts.exclude ?? []);
  const all = (await db.query<Row>(TABLES, [schemas])).rows;
  const isExcluded = (t: Row) => excluded.has(String(t.name)) || excluded.has(`${String(t.schema)}.${String(t.name)}`);
  const tables = all.filter((t) => !isExcluded(t));
  for (const t of tables) {
    const what = t.kind === 'p' ? 'a partitioned table' : t.partition ? 'a partition' : t.inherits ? 'an inheriting table' : undefined;
    if (what) throw new SchemaIntrospectionError(`${String(t.schema)}.${String(t.name)} is ${what}, which the schema model does not describe yet`);
  }
  const oids = tables.map((t) => String(t.oid));
  const columns = groupBy((await db.query<Row>(COLUMNS, [oids])).rows, 'oid');
  const cons = groupBy((await db.query<Row>(constraints(pg15), [oids])).rows, 'oid');
  const idx = groupBy((await db.query<Row>(indexes(pg15), [oids])).rows, 'oid');
  const tableExtras: ExtraModel[] = [];
  const modelledSequences = new Set<string>();
  const models = tables.map((t): TableModel => {
    const schema = String(t.schema);
    const name = String(t.name);
    const cols = columns.get(String(t.oid)) ?? [];
    for (const c of cols) if (c.serial_default) modelledSequences.add(String(c.sequence_oid));
    const keys: TableKeys = { uniques: [], foreignKeys: [], checks: [], indexes: [] };
    tableExtras.push(...readConstraints(cons.get(String(t.oid)) ?? [], { schema, name }, keys));
    tableExtras.push(...readIndexes(idx.get(String(t.oid)) ?? [], { schema, name }, keys));
    tableExtras.push(...tableOptions(t));
    return {
      schema,
      name,
      columns: cols.map((c) => columnOf(c, schema, `${schema}.${name}`)),
      ...(keys.primaryKey ? { primaryKey: keys.primaryKey } : {}),
      uniques: keys.uniques,
      foreignKeys: keys.foreignKeys,
      checks: keys.checks,
      indexes: keys.indexes,
      ...(t.comment ? { comment: String(t.comment) } : {}),
    };
  });
  const enumRows = (await db.query<Row>(ENUMS, [schemas])).rows;
  const enums = enumRows.map((r): EnumModel => ({ schema: String(r.schema), name: String(r.name), values: labels(r.labels) }));
  const enumComments = enumRows
    .filter((r) => r.comment)
    .map((r): ExtraModel => {
      const q = qname({ schema: String(r.schema), name: String(r.name) });
      return { kind: 'comment', schema: String(r.schema), name: `type ${q}`, sql: `COMMENT ON TYPE ${q} IS ${literal(String(r.comment))}` };
    });
  const excludedOids = new Set(all.filter(isExcluded).map((t) => String(t.oid)));
  const extras = await introspectExtras(db, { schemas, excludedOids, modelledSequences });
  return { tables: models, enums, extras: inScriptOrder([...extras, ...tableExtras, ...enumComments]) };
}

function labels(v: unknown): string[] {
  return (typeof v === 'string' ? JSON.parse(v) : v) as string[];
}
