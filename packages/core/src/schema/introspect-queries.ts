/**
 * The catalog queries behind {@link introspectSchema} (PostgreSQL 12+, server or PGlite). They run with
 * an empty search_path, so every name PostgreSQL prints (types, casts, functions in expressions) is
 * schema-qualified and the text is the same whichever search_path the caller had.
 * `$1` is always the list of schemas (text[]) or of table oids (text[]).
 */

/** Objects that belong to an extension are the extension's, not the schema's. */
const NOT_EXTENSION = (classid: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '${classid}'::regclass AND e.objid = ${oid} AND e.deptype = 'e')`;

/** Ordinary and partitioned tables of the schemas. */
export const TABLES = `
  SELECT c.oid::text AS oid, n.nspname AS schema, c.relname AS name, c.relkind::text AS kind,
         c.relispartition AS partition, c.relpersistence::text AS persistence, c.reloptions AS options,
         c.relrowsecurity AS rls, c.relforcerowsecurity AS force_rls,
         EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = c.oid) AS inherits,
         obj_description(c.oid, 'pg_class') AS comment
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY($1::text[]) AND ${NOT_EXTENSION('pg_class', 'c.oid')}
  ORDER BY 2, 3`;

/**
 * Columns with their element type (arrays unwrapped), default, identity, generation, collation,
 * comment, and the sequence the column owns when its default is that sequence's nextval().
 */
export const COLUMNS = `
  SELECT a.attrelid::text AS oid, a.attnum AS num, a.attname AS name, a.attnotnull AS notnull, a.attndims AS ndims,
         (t.typelem <> 0 AND t.typlen = -1) AS is_array,
         format_type(CASE WHEN t.typelem <> 0 AND t.typlen = -1 THEN t.typelem ELSE t.oid END, a.atttypmod) AS formatted,
         et.typname AS type_name, etn.nspname AS type_schema,
         pg_get_expr(d.adbin, d.adrelid) AS expr, a.attidentity::text AS identity, a.attgenerated::text AS generated,
         CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN co.collname END AS collation,
         CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN con.nspname END AS collation_schema,
         col_description(a.attrelid, a.attnum) AS comment,
         s.oid::text AS sequence_oid, s.relname AS sequence, sn.nspname AS sequence_schema,
         (s.oid IS NOT NULL AND pg_get_expr(d.adbin, d.adrelid) = format('nextval(%L::regclass)', s.oid::regclass::text)) AS serial_default
  FROM pg_attribute a
  JOIN pg_type t ON t.oid = a.atttypid
  JOIN pg_type et ON et.oid = CASE WHEN t.typelem <> 0 AND t.typlen = -1 THEN t.typelem ELSE t.oid END
  JOIN pg_namespace etn ON etn.oid = et.typnamespace
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  LEFT JOIN pg_collation co ON co.oid = a.attcollation
  LEFT JOIN pg_namespace con ON con.oid = co.collnamespace
  LEFT JOIN LATERAL (
    SELECT sc.oid, sc.relname, sc.relnamespace FROM pg_depend dep JOIN pg_class sc ON sc.oid = dep.objid AND sc.relkind = 'S'
    WHERE dep.classid = 'pg_class'::regclass AND dep.refclassid = 'pg_class'::regclass
      AND dep.refobjid = a.attrelid AND dep.refobjsubid = a.attnum AND dep.deptype = 'a'
    ORDER BY sc.oid LIMIT 1) s ON true
  LEFT JOIN pg_namespace sn ON sn.oid = s.relnamespace
  WHERE a.attrelid::text = ANY($1::text[]) AND a.attnum > 0 AND NOT a.attisdropped
  ORDER BY a.attrelid, a.attnum`;

/** The columns of a constraint key, in key order, as a JSON array of names. */
const KEY_NAMES = (key: string, rel: string) => `
  (SELECT COALESCE(json_agg(a.attname ORDER BY x.ord), '[]'::json)
   FROM unnest(${key}) WITH ORDINALITY x(num, ord) JOIN pg_attribute a ON a.attrelid = ${rel} AND a.attnum = x.num)`;

/** Table constraints (not NOT NULL, not constraint triggers), with what the model needs of each. */
export const constraints = (pg15: boolean) => `
  SELECT k.conrelid::text AS oid, k.conname AS name, k.contype::text AS type, pg_get_constraintdef(k.oid) AS def,
         k.convalidated AS validated, k.condeferrable AS deferrable, k.condeferred AS deferred, k.connoinherit AS noinherit,
         k.confupdtype::text AS on_update, k.confdeltype::text AS on_delete, k.confmatchtype::text AS match,
         ${KEY_NAMES('k.conkey', 'k.conrelid')} AS columns,
         ${KEY_NAMES('k.confkey', 'k.confrelid')} AS ref_columns,
         rn.nspname AS ref_schema, rc.relname AS ref_table,
         pg_get_expr(k.conbin, k.conrelid) AS expr,
         ${pg15 ? 'k.confdelsetcols IS NOT NULL' : 'false'} AS set_columns,
         ${pg15 ? 'COALESCE(i.indnullsnotdistinct, false)' : 'false'} AS nulls_not_distinct,
         (i.indexrelid IS NOT NULL AND (i.indnkeyatts <> i.indnatts OR ic.reloptions IS NOT NULL OR ic.reltablespace <> 0)) AS index_options,
         obj_description(k.oid, 'pg_constraint') AS comment
  FROM pg_constraint k
  LEFT JOIN pg_class rc ON rc.oid = k.confrelid LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
  LEFT JOIN pg_index i ON i.indexrelid = k.conindid AND k.contype IN ('p', 'u')
  LEFT JOIN pg_class ic ON ic.oid = i.indexrelid
  WHERE k.conrelid::text = ANY($1::text[]) AND k.contype IN ('p', 'u', 'f', 'c', 'x')
  ORDER BY k.conrelid, k.conname`;

/** Indexes that do not back a constraint (those come and go with their constraint). */
export const indexes = (pg15: boolean) => `
  SELECT i.indrelid::text AS oid, ic.relname AS name, pg_get_indexdef(i.indexrelid) AS def, i.indisunique AS "unique",
         am.amname AS method, i.indnkeyatts AS key_count, pg_get_expr(i.indpred, i.indrelid) AS predicate,
         ${pg15 ? 'i.indnullsnotdistinct' : 'false'} AS nulls_not_distinct,
         (SELECT json_agg(pg_get_indexdef(i.indexrelid, k, false) ORDER BY k) FROM generate_series(1, i.indnkeyatts::int) k) AS keys,
         (SELECT json_agg(x.num ORDER BY x.ord) FROM unnest(i.indkey::int2[]) WITH ORDINALITY x(num, ord)) AS attnums,
         obj_description(i.indexrelid, 'pg_class') AS comment, i.indisvalid AS valid
  FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
  WHERE i.indrelid::text = ANY($1::text[])
    AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))
  ORDER BY i.indrelid, ic.relname`;

/** Enum types and their labels in order. */
export const ENUMS = `
  SELECT n.nspname AS schema, t.typname AS name,
         COALESCE(json_agg(e.enumlabel::text ORDER BY e.enumsortorder) FILTER (WHERE e.oid IS NOT NULL), '[]'::json) AS labels,
         obj_description(t.oid, 'pg_type') AS comment
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace LEFT JOIN pg_enum e ON e.enumtypid = t.oid
  WHERE t.typtype = 'e' AND n.nspname = ANY($1::text[]) AND ${NOT_EXTENSION('pg_type', 't.oid')}
  GROUP BY t.oid, n.nspname, t.typname ORDER BY 1, 2`;
