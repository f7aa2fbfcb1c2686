/**
 * Catalog queries for what the schema model does not describe (views, functions, triggers, domains,
 * sequences, policies…): each row carries enough to re-create the object, so it is kept as SQL and
 * never dropped. Run with an empty search_path like the other introspection queries; `$1` is the
 * list of schemas. Rows come in creation (oid) order, which respects dependencies between objects
 * of one kind (a view over a view).
 */

const OWN = (classid: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '${classid}'::regclass AND e.objid = ${oid} AND e.deptype = 'e')`;

/** Extensions installed into one of the schemas. */
export const EXTENSIONS = `
  SELECT x.extname AS name, n.nspname AS schema
  FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace
  WHERE n.nspname = ANY($1::text[]) ORDER BY x.oid`;

/** Domains, composite types and range types (enums are in the model). */
export const TYPES = `
  SELECT t.oid::text AS oid, n.nspname AS schema, t.typname AS name, t.typtype::text AS kind,
         format_type(t.typbasetype, t.typtypmod) AS base, t.typnotnull AS notnull, pg_get_expr(t.typdefaultbin, 0) AS "default",
         CASE WHEN t.typtype = 'd' AND t.typcollation <> 0 AND t.typcollation <> bt.typcollation
              THEN format('%I.%I', cn.nspname, co.collname) END AS collation,
         (SELECT json_agg(format('CONSTRAINT %I %s', k.conname, pg_get_constraintdef(k.oid)) ORDER BY k.conname)
          FROM pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c') AS checks,
         (SELECT json_agg(format('%I %s%s', a.attname, format_type(a.atttypid, a.atttypmod),
                   CASE WHEN a.attcollation <> at.typcollation THEN format(' COLLATE %I.%I', acn.nspname, aco.collname) ELSE '' END)
                 ORDER BY a.attnum)
          FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid
          LEFT JOIN pg_collation aco ON aco.oid = a.attcollation LEFT JOIN pg_namespace acn ON acn.oid = aco.collnamespace
          WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) AS attributes,
         format_type(r.rngsubtype, NULL) AS range_subtype,
         CASE WHEN r.rngsubdiff <> 0 THEN r.rngsubdiff::regproc::text END AS range_diff,
         obj_description(t.oid, 'pg_type') AS comment
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
  LEFT JOIN pg_type bt ON bt.oid = t.typbasetype
  LEFT JOIN pg_collation co ON co.oid = t.typcollation LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
  LEFT JOIN pg_range r ON r.rngtypid = t.oid
  WHERE n.nspname = ANY($1::text[]) AND ${OWN('pg_type', 't.oid')}
    AND (t.typtype IN ('d', 'r') OR (t.typtype = 'c' AND (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c'))
  ORDER BY t.oid`;

/** Sequences not created for an identity column, with their owner column when one owns them. */
export const SEQUENCES = `
  SELECT c.oid::text AS oid, n.nspname AS schema, c.relname AS name, format_type(s.seqtypid, NULL) AS type,
         s.seqstart::text AS start, s.seqincrement::text AS increment, s.seqmin::text AS min, s.seqmax::text AS max,
         s.seqcache::text AS cache, s.seqcycle AS cycle,
         d.refobjid::text AS owner_oid, CASE WHEN rc.oid IS NOT NULL THEN format('%I.%I', rn.nspname, rc.relname) END AS owner_table, a.attname AS owner_column,
         obj_description(c.oid, 'pg_class') AS comment
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_sequence s ON s.seqrelid = c.oid
  LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a'
  LEFT JOIN pg_class rc ON rc.oid = d.refobjid LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
  LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
  WHERE c.relkind = 'S' AND n.nspname = ANY($1::text[]) AND ${OWN('pg_class', 'c.oid')}
    AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_class'::regclass AND i.objid = c.oid AND i.deptype = 'i')
  ORDER BY c.oid`;

/** Functions and procedures (aggregates are listed so they can be refused by name). */
export const FUNCTIONS = `
  SELECT p.oid::text AS oid, n.nspname AS schema, format('%s(%s)', p.proname, pg_get_function_identity_arguments(p.oid)) AS name,
         p.prokind::text AS kind, CASE WHEN p.prokind <> 'a' THEN pg_get_functiondef(p.oid) END AS def,
         format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)) AS signature,
         obj_description(p.oid, 'pg_proc') AS comment
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
  WHERE n.nspname = ANY($1::text[]) AND ${OWN('pg_proc', 'p.oid')}
    -- a range type's constructors are created (and dropped) with the type
    AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_proc'::regclass AND i.objid = p.oid AND i.deptype = 'i')
  ORDER BY p.oid`;

/** Views and materialized views, with their options. */
export const VIEWS = `
  SELECT c.oid::text AS oid, n.nspname AS schema, c.relname AS name, c.relkind::text AS kind, pg_get_viewdef(c.oid) AS def,
         c.reloptions AS options, obj_description(c.oid, 'pg_class') AS comment
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY($1::text[]) AND ${OWN('pg_class', 'c.oid')}
  ORDER BY c.oid`;

/** User triggers (not the internal ones behind foreign keys). */
export const TRIGGERS = `
  SELECT t.tgrelid::text AS rel, format('%s.%s', n.nspname, c.relname) AS "table", format('%I.%I', n.nspname, c.relname) AS quoted,
         n.nspname AS schema, t.tgname AS name,
         pg_get_triggerdef(t.oid) AS def, t.tgenabled::text AS enabled
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE NOT t.tgisinternal AND n.nspname = ANY($1::text[])
  ORDER BY t.oid`;

/** Rewrite rules other than the ones that make a view. */
export const RULES = `
  SELECT r.ev_class::text AS rel, format('%s.%s', n.nspname, c.relname) AS "table", n.nspname AS schema, r.rulename AS name,
         pg_get_ruledef(r.oid) AS def
  FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE r.rulename <> '_RETURN' AND n.nspname = ANY($1::text[])
  ORDER BY r.oid`;

/** Row-level security policies. */
export const POLICIES = `
  SELECT p.polrelid::text AS rel, format('%s.%s', n.nspname, c.relname) AS "table", n.nspname AS schema, p.polname AS name,
         format('CREATE POLICY %I ON %I.%I AS %s FOR %s TO %s%s%s', p.polname, n.nspname, c.relname,
           CASE WHEN p.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END,
           CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END,
           (SELECT string_agg(CASE WHEN r = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(r)) END, ', ') FROM unnest(p.polroles) r),
           COALESCE(' USING (' || pg_get_expr(p.polqual, p.polrelid) || ')', ''),
           COALESCE(' WITH CHECK (' || pg_get_expr(p.polwithcheck, p.polrelid) || ')', '')) AS def
  FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = ANY($1::text[])
  ORDER BY p.oid`;
