/**
 * Comparing models across ORMs in tests: a literal default is compared by its value, since each ORM
 * spells the same constant its own way (`'active'` in TypeORM's metadata, `'active'::character varying`
 * in the catalogs).
 */
import { normalizeSchema, type SchemaModel } from '@dbm/core';

/** The normalised model with literal defaults reduced to their values. */
export function byValue(m: SchemaModel): SchemaModel {
  const n = normalizeSchema(m);
  return {
    ...n,
    tables: n.tables.map((t) => ({
      ...t,
      columns: t.columns.map((c) => (c.default?.kind === 'literal' ? { ...c, default: { kind: 'literal' as const, sql: '', value: c.default.value } } : c)),
    })),
  };
}
