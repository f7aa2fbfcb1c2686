/**
 * Fidelity on the real server: full.sql on one database, read back as a SchemaModel; the model written
 * as schema.prisma; Prisma's own baseline SQL for that schema (its schema engine, from nothing) plus the
 * warnings' raw SQL on a fresh database; the two databases' catalogs are identical as PostgreSQL prints them.
 */
import { readFile } from 'node:fs/promises';
import { compareSchemas, formatDifferences, introspectSchema, type SchemaModel, type SchemaWarning } from '@dbm/core';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { catalog, prismaBaseline, withDatabase } from './model-prisma.testkit.js';
import { writePrismaSchema } from './model-write.js';

const FULL_SQL = new URL('../../../core/src/schema/testdata/full.sql', import.meta.url);

/** Prisma's baseline for `schema`, then the raw SQL of every warning, on the database at `url`. */
async function applyBaseline(url: string, client: pg.Client, schema: string, warnings: readonly SchemaWarning[]): Promise<string> {
  const script = await prismaBaseline(url, schema);
  await client.query(script);
  for (const w of warnings) if (w.rawSql) await client.query(w.rawSql);
  return script;
}

/** full.sql applied to a fresh database, its model, and its catalogs. */
async function withSource<T>(work: (model: SchemaModel, source: pg.Client) => Promise<T>): Promise<T> {
  return withDatabase('dbm_prisma_fid_src', async (_url, source) => {
    await source.query(await readFile(FULL_SQL, 'utf8'));
    return work(await introspectSchema(source), source);
  });
}

/** Names Prisma cannot use as they are, and columns it cannot declare. */
const ODD_SQL = `
CREATE TYPE "job state" AS ENUM ('in-progress', 'done', '1st');
CREATE TABLE "Order Items" (
  "1col" integer PRIMARY KEY,
  state "job state" NOT NULL DEFAULT 'in-progress',
  "x-y" text COLLATE "C",
  g integer GENERATED ALWAYS AS ("1col" * 2) STORED
);
CREATE TABLE logs (msg text, at timestamptz DEFAULT now(), item integer,
  CONSTRAINT logs_item_fk FOREIGN KEY (item) REFERENCES "Order Items" ("1col"));
`;

describe('Prisma model fidelity (PostgreSQL server)', () => {
  it('full.sql → model → schema.prisma → Prisma baseline + raw SQL gives the same catalogs', async () => {
    await withSource(async (model, source) => {
      const { schema, warnings } = await writePrismaSchema(model);
      await withDatabase('dbm_prisma_fid_dst', async (url, target) => {
        await applyBaseline(url, target, schema, warnings);
        expect(await catalog(target)).toEqual(await catalog(source));
        expect(formatDifferences(compareSchemas(await introspectSchema(target), model))).toBe('');
      });
      // what Prisma's language cannot say, and only that, comes back as SQL
      expect(warnings.map((w) => w.object).sort()).toEqual([
        'billing.accounts',
        'billing.accounts.accounts_currency_check',
        'billing.accounts.accounts_owner_code_key',
        'billing.invoices.id',
        'billing.invoices.invoices_account_fk',
        'billing.invoices.invoices_amount_check',
        'billing.invoices.invoices_due_after_issue',
        'billing.invoices.invoices_open_idx',
        'memberships.memberships_team_joined_idx',
        'teams.id',
        'teams.teams_slug_key',
        'users',
        'users.email',
        'users.roles',
        'users.roles',
        'users.tags',
        'users.tags',
        'users.users_active_name_idx',
        'users.users_email_key',
        'users.users_email_lower_idx',
        'users.users_score_check',
      ]);
      expect(warnings.every((w) => w.rawSql)).toBe(true);
    });
  });

  it('awkward names, generated / collated columns and a table without a key survive too', async () => {
    await withDatabase('dbm_prisma_fid_odd', async (_url, source) => {
      await source.query(ODD_SQL);
      const { schema, warnings } = await writePrismaSchema(await introspectSchema(source));
      expect(schema).toContain('@@ignore');
      expect(schema).toMatch(/in_progress\s+@map\("in-progress"\)/);
      await withDatabase('dbm_prisma_fid_odd2', async (url, target) => {
        await applyBaseline(url, target, schema, warnings);
        expect(await catalog(target)).toEqual(await catalog(source));
      });
      expect(warnings.map((w) => w.object).sort()).toEqual(['Order Items.g', 'Order Items.x-y', 'logs']);
    });
  });

  it('a dropped warning shows in the catalogs (the comparison can fail)', async () => {
    await withSource(async (model, source) => {
      const { schema, warnings } = await writePrismaSchema(model);
      const fewer = warnings.filter((w) => w.object !== 'users.users_score_check');
      await withDatabase('dbm_prisma_fid_neg', async (url, target) => {
        await applyBaseline(url, target, schema, fewer);
        expect(await catalog(target)).not.toEqual(await catalog(source));
      });
    });
  });
});
