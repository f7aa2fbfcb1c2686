/**
 * Defaults an ORM spells its own way. Prisma and TypeORM compare a column's default as text with the
 * catalog's: Prisma's `@default(now())` is `CURRENT_TIMESTAMP`, TypeORM rewrites `CURRENT_TIMESTAMP` to
 * `now()`. A database spelling the same function the other way makes their generators emit a
 * `SET DEFAULT` forever. Translating to such an ORM therefore spells these defaults as it does — the same
 * function, so the same values — in the baseline, and in the live database by one metadata-only
 * `ALTER COLUMN … SET DEFAULT` per column, run in the transaction that records the baseline. Each is
 * reported as a warning.
 */
import { classifyDefault, compilePostgres, loadPostgresParser, setDefault, type DefaultModel, type SchemaModel, type SchemaWarning } from '@dbm/core';
import { objectName } from '../knex/model-ops.js';

/** The target ORM's spelling of a default, or undefined when it keeps the catalog's. */
export type Spelling = (d: Exclude<DefaultModel, { kind: 'sequence' }>) => string | undefined;

/** The model spelled as the ORM spells it, the statements that align a live database, and a warning per column. */
export async function alignDefaults(model: SchemaModel, orm: string, spell: Spelling): Promise<{ model: SchemaModel; align: string[]; warnings: SchemaWarning[] }> {
  await loadPostgresParser();
  const align: string[] = [];
  const warnings: SchemaWarning[] = [];
  const tables = model.tables.map((t) => ({
    ...t,
    columns: t.columns.map((c) => {
      const d = c.default;
      const to = d && d.kind !== 'sequence' ? spell(d) : undefined;
      if (!d || d.kind === 'sequence' || to === undefined || to === d.sql) return c;
      const sql = compilePostgres(setDefault({ table: { schema: t.schema, name: t.name }, column: c.name, expr: to }));
      align.push(sql);
      warnings.push({
        object: objectName(t, c.name),
        message: `${orm} spells the default ${d.sql} as ${to} (the same function) and compares the text: the baseline and the database use its spelling`,
        rawSql: sql,
      });
      // a spelling such as ('now'::text)::date reads as a literal cast; it is the expression the ORM compares
      const spelled = classifyDefault(to);
      return { ...c, default: spelled.kind === 'literal' ? { kind: 'expression' as const, sql: to } : spelled };
    }),
  }));
  return { model: { ...model, tables }, align, warnings };
}
