/**
 * Fidelity of the TypeORM writer on the real server: the full-feature schema (db1) is read into the model,
 * written as TypeORM entities, and TypeORM's own `migration:generate` runs against an empty database (db2);
 * its SQL plus the raw SQL of the writer's warnings, applied to db2, gives the same catalogs as db1.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyDefault, introspectSchema, normalizeSchema, type SchemaModel } from '@dbm/core';
import { withDatabase } from '../code/engine.testkit.js';
import { introspect, userSchemas, type Queryable } from '../knex/schema/introspect.js';
import type { SchemaSnapshot } from '../knex/schema/snapshot.js';
import { loadFull, withTypeOrmProject } from './model-project.testkit.js';
import { writeTypeOrmEntities } from './model-write.js';
import { typeormGenerate } from './typeorm-generate.js';

// what TypeORM keeps for itself: its ledger and its table of generated-column expressions
const TYPEORM_TABLES = ['public.migrations', 'public.typeorm_metadata'];

async function textCatalog(db: Queryable) {
  return introspect(db, { schemas: await userSchemas(db), exclude: TYPEORM_TABLES });
}

async function readModel(db: Queryable): Promise<SchemaModel> {
  return normalizeSchema(await introspectSchema(db, { exclude: TYPEORM_TABLES }));
}

/**
 * The one residual difference, by design: TypeORM's driver writes the SQL-standard time functions its own
 * way (normalizeDatetimeFunction), and its diff expects that spelling. Same values, other catalog text.
 */
const TYPEORM_TIME: Readonly<Record<string, string>> = { CURRENT_TIMESTAMP: 'now()', CURRENT_DATE: "('now'::text)::date" };

function asTypeOrmWrites(s: SchemaSnapshot): { snapshot: SchemaSnapshot; rewritten: string[] } {
  const rewritten: string[] = [];
  const tables = s.tables.map((t) => ({
    ...t,
    columns: t.columns.map((c) => {
      const to = c.default !== undefined ? TYPEORM_TIME[c.default] : undefined;
      if (to === undefined) return c;
      rewritten.push(`${t.schema}.${t.name}.${c.name}`);
      return { ...c, default: to };
    }),
  }));
  return { snapshot: { ...s, tables }, rewritten };
}

function modelAsTypeOrmWrites(m: SchemaModel): SchemaModel {
  const tables = m.tables.map((t) => ({
    ...t,
    columns: t.columns.map((c) => {
      const to = c.default && c.default.kind !== 'sequence' ? TYPEORM_TIME[c.default.sql] : undefined;
      return to === undefined ? c : { ...c, default: classifyDefault(to) };
    }),
  }));
  return { ...m, tables };
}

describe('typeorm: model → entities → migration:generate → database', () => {
  it('rebuilds the full-feature schema with the same catalogs', async () => {
    await withDatabase('dbm_typeorm_model_src', async (_url1, db1) => {
      await loadFull(db1);
      const model = await readModel(db1);
      const written = await writeTypeOrmEntities(model);
      await withDatabase('dbm_typeorm_model_dst', async (url2, db2) => {
        const generated = await withTypeOrmProject(written.files, (root) =>
          typeormGenerate({ root, dataSource: path.join(root, 'data-source.ts'), name: 'Baseline', timestamp: 1700000000000, url: url2, urlEnv: 'DATABASE_URL' }),
        );
        expect(generated).toBeDefined();
        // the SQL TypeORM would run, then what it cannot express, as a baseline migration would hold them
        await db2.query('BEGIN');
        for (const w of written.warnings) if (w.rawSql && w.phase === 'before') await db2.query(w.rawSql);
        for (const sql of generated!.up) await db2.query(sql);
        for (const w of written.warnings) if (w.rawSql && w.phase !== 'before') await db2.query(w.rawSql);
        await db2.query('COMMIT');
        const expected = asTypeOrmWrites(await textCatalog(db1));
        expect(expected.rewritten).toEqual(['billing.invoices.issued_on', 'public.users.updated_at']);
        expect(await textCatalog(db2)).toEqual(expected.snapshot);
        expect(await readModel(db2)).toEqual(modelAsTypeOrmWrites(model));
      });
    });
  }, 120_000);
});
