/**
 * Fidelity on the real server: full.sql on one database, read back by introspection; that model
 * written as a drizzle schema, drizzle-kit's own first migration of it (plus the warnings' raw SQL)
 * run on a fresh database; the two catalogs are identical as PostgreSQL prints them. And the round
 * trip read(write(model)) gives the model back, but for what drizzle cannot say (listed exactly).
 */
import { compareSchemas, formatDifferences, introspectSchema, type SchemaModel, type SchemaWarning } from '@dbm/core';
import { describe, expect, it } from 'vitest';
import { withDatabase } from '../code/engine.testkit.js';
import { applyWritten, catalogOf, drizzleSqlOf, fullModel, fullSql, writtenSchema } from './model-drizzle.testkit.js';
import { readDrizzleModel } from './model-read.js';
import { writeDrizzleSchema } from './model-write.js';

/** What drizzle cannot say of full.sql: it comes back as raw SQL, nothing else does. */
const UNSAYABLE = [
  'billing.accounts: COMMENT ON TABLE "billing"."accounts" IS \'Billing accounts, one or more per user\'',
  'billing.invoices.invoices_account_fk: ALTER TABLE "billing"."invoices" ALTER CONSTRAINT "invoices_account_fk" DEFERRABLE INITIALLY DEFERRED',
  'memberships.memberships_team_joined_idx: CREATE INDEX "memberships_team_joined_idx" ON "public"."memberships" ("team_id", "joined_at" DESC NULLS LAST) INCLUDE ("note")',
  'users.email: COMMENT ON COLUMN "public"."users"."email" IS \'Login address, unique\'',
  'users: COMMENT ON TABLE "public"."users" IS \'People who can sign in\'',
];

const described = (warnings: readonly SchemaWarning[]) => warnings.map((w) => `${w.object}: ${w.rawSql ?? '(no SQL)'}`).sort();

/** Writes `model`, has drizzle-kit generate its SQL, runs it on a fresh database and returns that database's catalogs. */
async function throughDrizzle(model: SchemaModel, compare: (target: import('pg').Client) => Promise<void>): Promise<SchemaWarning[]> {
  const { files, warnings } = await writeDrizzleSchema(model);
  const statements = await drizzleSqlOf(await writtenSchema(files[0]!.text));
  await withDatabase('dbm_drz_fid_dst', async (_url, target) => {
    await applyWritten(target, statements, warnings);
    await compare(target);
  });
  return warnings;
}

describe('drizzle model fidelity (PostgreSQL server)', () => {
  it('full.sql → introspected model → schema.ts → drizzle-kit SQL gives the same catalogs', async () => {
    await withDatabase('dbm_drz_fid_src', async (_url, source) => {
      await source.query(await fullSql());
      const model = await introspectSchema(source);
      const warnings = await throughDrizzle(model, async (target) => {
        expect(await catalogOf(target)).toEqual(await catalogOf(source));
        expect(formatDifferences(compareSchemas(await introspectSchema(target), model))).toBe('');
      });
      expect(described(warnings)).toEqual(UNSAYABLE);
    });
  });

  it('round trip: read(write(model)) differs from the introspected model only as listed', async () => {
    await withDatabase('dbm_drz_fid_rt', async (_url, source) => {
      await source.query(await fullSql());
      const model = await introspectSchema(source);
      const { files } = await writeDrizzleSchema(model);
      const back = (await readDrizzleModel([await writtenSchema(files[0]!.text)])).model;
      // drizzle's snapshot spells a literal default as written, without the cast PostgreSQL prints
      // (the value is the same); the rest is what the writer handed back as raw SQL
      expect(compareSchemas(model, back).map((d) => d.path)).toEqual([
        'table billing.accounts / column currency / default',
        'table billing.accounts / comment',
        'table billing.invoices / column status / default',
        'table billing.invoices / foreign key invoices_account_fk / deferrable',
        'table public.memberships / index memberships_team_joined_idx',
        'table public.users / column email / comment',
        'table public.users / column role / default',
        'table public.users / column balance / default',
        'table public.users / comment',
      ]);
      for (const d of compareSchemas(model, back).filter((x) => x.path.endsWith('/ default'))) {
        expect((d.a as { value: unknown }).value).toEqual((d.b as { value: unknown }).value);
      }
    });
  });

  it('the hand-written drizzle schema of full.sql, read and written again, gives the same catalogs', async () => {
    await withDatabase('dbm_drz_fid_src2', async (_url, source) => {
      await source.query(await fullSql());
      const warnings = await throughDrizzle(await fullModel(), async (target) => {
        expect(await catalogOf(target)).toEqual(await catalogOf(source));
      });
      expect(described(warnings)).toEqual(UNSAYABLE);
    });
  });

  it('a catalog difference is caught (the comparison can fail)', async () => {
    const model = await fullModel();
    const changed = { ...model, tables: model.tables.map((t) => (t.name === 'users' ? { ...t, checks: [] } : t)) };
    await withDatabase('dbm_drz_fid_src3', async (_url, source) => {
      await source.query(await fullSql());
      await throughDrizzle(changed, async (target) => {
        expect(await catalogOf(target)).not.toEqual(await catalogOf(source));
      });
    });
  });
});
