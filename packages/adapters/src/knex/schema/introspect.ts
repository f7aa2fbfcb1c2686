/**
 * Reads a {@link SchemaSnapshot} from the catalogs of PostgreSQL 12+ (a server or PGlite): tables with
 * their columns, constraints and indexes, enum types, and the names of objects the diff does not cover.
 */
import type { ColumnSnapshot, ConstraintSnapshot, EnumSnapshot, IndexSnapshot, OtherSnapshot, SchemaSnapshot, TableSnapshot } from './snapshot.js';

/** What introspection needs of a connection: pg's Client and PGlite both have it. */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

/** What to read. */
export interface IntrospectOptions {
  /** The schemas to read. */
  readonly schemas: readonly string[];
  /** Tables to leave out (`schema.name`): the ORM's ledger. */
  readonly exclude?: readonly string[];
}

/** The user schemas of a database (not the system's, not dbm's own). */
export async function userSchemas(db: Queryable): Promise<string[]> {
  const r = await db.query<{ name: string }>(
    `SELECT nspname AS name FROM pg_namespace
     WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', '_dbm') AND nspname NOT LIKE 'pg\\_%'
     ORDER BY 1`,
  );
  return r.rows.map((x) => x.name);
}

const TABLES = `
  SELECT c.oid::text AS oid, n.nspname AS schema, c.relname AS name
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY($1::text[])
  ORDER BY 2, 3`;

const COLUMNS = `
  SELECT a.attrelid::text AS oid, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull,
         pg_get_expr(d.adbin, d.adrelid) AS expr, a.attidentity::text AS identity, a.attgenerated::text AS generated,
         CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation
              THEN (SELECT format('%I.%I', cn.nspname, co.collname) FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation)
         END AS collation,
         pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) AS sequence
  FROM pg_attribute a
  JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  WHERE a.attrelid::text = ANY($1::text[]) AND a.attnum > 0 AND NOT a.attisdropped
  ORDER BY a.attrelid, a.attnum`;

const CONSTRAINTS = `
  SELECT k.conrelid::text AS oid, k.conname AS name, k.contype::text AS type, pg_get_constraintdef(k.oid) AS def, k.convalidated AS validated,
         (SELECT format('%s.%s', rn.nspname, rc.relname) FROM pg_class rc JOIN pg_namespace rn ON rn.oid = rc.relnamespace WHERE rc.oid = k.confrelid) AS refs
  FROM pg_constraint k
  WHERE k.conrelid::text = ANY($1::text[]) AND k.contype IN ('p', 'u', 'c', 'f', 'x')
  ORDER BY 1, 2`;

// indexes behind a primary key, unique or exclusion constraint come and go with the constraint
const INDEXES = `
  SELECT i.indrelid::text AS oid, ic.relname AS name, pg_get_indexdef(i.indexrelid) AS def
  FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
  WHERE i.indrelid::text = ANY($1::text[])
    AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))
  ORDER BY 1, 2`;

const ENUMS = `
  SELECT n.nspname AS schema, t.typname AS name, json_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
  WHERE n.nspname = ANY($1::text[])
  GROUP BY 1, 2 ORDER BY 1, 2`;

const OTHERS = `
  SELECT 'view' AS kind, format('%I.%I', n.nspname, c.relname) AS name, pg_get_viewdef(c.oid) AS def
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY($1::text[])
  UNION ALL
  SELECT 'function', format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)), pg_get_functiondef(p.oid)
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
  WHERE p.prokind IN ('f', 'p') AND n.nspname = ANY($1::text[])
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
  UNION ALL
  SELECT 'trigger', format('%I on %I.%I', t.tgname, n.nspname, c.relname), pg_get_triggerdef(t.oid)
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE NOT t.tgisinternal AND n.nspname = ANY($1::text[])
  UNION ALL
  SELECT 'sequence', format('%I.%I', n.nspname, c.relname), ''
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind = 'S' AND n.nspname = ANY($1::text[])
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
  UNION ALL
  SELECT CASE t.typtype WHEN 'd' THEN 'domain' ELSE 'type' END, format('%I.%I', n.nspname, t.typname), format_type(t.typbasetype, t.typtypmod)
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
  WHERE n.nspname = ANY($1::text[]) AND (t.typtype = 'd' OR (t.typtype = 'c' AND (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c'))
  ORDER BY 1, 2`;

type Row = Record<string, unknown>;

const SERIALS: Readonly<Record<string, string>> = { integer: 'serial', bigint: 'bigserial', smallint: 'smallserial' };

function column(r: Row): ColumnSnapshot {
  const type = String(r.type);
  const expr = r.expr === null || r.expr === undefined ? undefined : String(r.expr);
  const collated = r.collation ? `${type} COLLATE ${String(r.collation)}` : type;
  const identity = r.identity === 'a' ? 'always' : r.identity === 'd' ? 'by default' : undefined;
  const base = { name: String(r.name), type: collated, notNull: r.notnull === true };
  if (identity) return { ...base, identity };
  if (r.generated === 's') return { ...base, generated: expr ?? '' };
  const serial = SERIALS[type];
  if (serial && r.sequence && expr?.startsWith('nextval(')) return { ...base, serial };
  return { ...base, ...(expr !== undefined ? { default: expr } : {}) };
}

function constraint(r: Row): ConstraintSnapshot {
  return {
    name: String(r.name),
    type: String(r.type) as ConstraintSnapshot['type'],
    def: String(r.def).replace(/ NOT VALID$/, ''),
    validated: r.validated !== false,
    ...(r.refs ? { references: String(r.refs) } : {}),
  };
}

function byOid<T>(rows: Row[], map: (r: Row) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(String(r.oid)) ?? [];
    list.push(map(r));
    out.set(String(r.oid), list);
  }
  return out;
}

/** Reads the schemas named in `options` from `db`. */
export async function introspect(db: Queryable, options: IntrospectOptions): Promise<SchemaSnapshot> {
  const schemas = [...options.schemas];
  const exclude = new Set(options.exclude ?? []);
  const tables = (await db.query<Row>(TABLES, [schemas])).rows.filter((t) => !exclude.has(`${String(t.schema)}.${String(t.name)}`));
  const oids = tables.map((t) => String(t.oid));
  const columns = byOid((await db.query<Row>(COLUMNS, [oids])).rows, column);
  const constraints = byOid((await db.query<Row>(CONSTRAINTS, [oids])).rows, constraint);
  const indexes = byOid((await db.query<Row>(INDEXES, [oids])).rows, (r): IndexSnapshot => ({ name: String(r.name), def: String(r.def) }));
  const enums = (await db.query<Row>(ENUMS, [schemas])).rows.map(
    (r): EnumSnapshot => ({ schema: String(r.schema), name: String(r.name), values: (typeof r.labels === 'string' ? JSON.parse(r.labels) : r.labels) as string[] }),
  );
  const others = (await db.query<Row>(OTHERS, [schemas])).rows.map((r): OtherSnapshot => ({ kind: String(r.kind), name: String(r.name), def: String(r.def ?? '') }));
  return {
    schemas,
    tables: tables.map(
      (t): TableSnapshot => ({
        schema: String(t.schema),
        name: String(t.name),
        columns: columns.get(String(t.oid)) ?? [],
        constraints: constraints.get(String(t.oid)) ?? [],
        indexes: indexes.get(String(t.oid)) ?? [],
      }),
    ),
    enums,
    others,
  };
}
