/**
 * Fidelity on the real PostgreSQL server for plain SQL sources: a file with an enum, keys, a foreign key,
 * checks, every kind of index, column changes and a view (with its own down file), and one without a down
 * (derived from the inverses), translated to every form. The view stays raw SQL everywhere and knex names
 * what it keeps raw; a statement with no inverse makes every target's down fail with dbm's message.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createDatabase, dropDatabase } from '../../../../core/src/plan/pg.testkit.js';
import { runMigration } from './orm-run.testkit.js';
import { catalogOf, copyOf, translatedOnDisk, translationSuite } from './roundtrip.testkit.js';
import { translateMigration } from './translate.js';
import { MIGRATION_FORMS } from './types.js';

const TESTDATA = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testdata');
const SHOP = path.join(TESTDATA, '20250301120000_shop.sql');
const CATALOG = path.join(TESTDATA, '20250302120000_catalog.sql');
const IRREVERSIBLE = path.join(TESTDATA, '20250303120000_irreversible.sql');

describe('translate migration: from SQL', () => {
  translationSuite([
    { label: 'shop.sql (its own down.sql)', migration: { form: 'sql', path: SHOP }, prior: [] },
    { label: 'catalog.sql (down derived)', migration: { form: 'sql', path: CATALOG }, prior: [] },
  ]);
});

describe('translate migration: what a target cannot say is kept as raw SQL, with a warning', () => {
  it('keeps the view in every form, and knex names each statement it writes as knex.raw', async () => {
    for (const to of MIGRATION_FORMS) {
      const r = await translateMigration(SHOP, { to, outDir: tmpdir(), dryRun: true });
      expect(r.files[0]!.text).toContain('CREATE VIEW "open_orders" AS SELECT');
      expect(r.downFrom).toBe('source');
      if (to !== 'knex') continue;
      const raw = r.warnings.filter((w) => w.code === 'raw-sql');
      expect(raw.map((w) => [w.direction, w.sql?.split(' (')[0]])).toEqual([
        ['up', `CREATE TYPE "order_state" AS ENUM`],
        ['up', 'CREATE INDEX "orders_customer_state_idx" ON "orders"'],
        ['up', 'CREATE UNIQUE INDEX "customers_lower_email_idx" ON "customers"'],
        ['up', 'ALTER TABLE "customers" ALTER COLUMN "name" TYPE varchar(200)'],
        ['up', `CREATE VIEW "open_orders" AS SELECT "id", "customer_id" FROM "orders" WHERE "state" <> 'shipped'`],
        ['down', 'DROP VIEW "open_orders"'],
        ['down', 'DROP TYPE "order_state"'],
      ]);
      // the warnings are in the file too, for whoever reviews it
      expect(r.files[0]!.text).toContain('// dbm warning (raw-sql, up)');
      expect(r.files[0]!.text).toContain("await knex.raw('CREATE VIEW \"open_orders\"");
    }
  });

  it("keeps a statement's -- dbm-ignore acknowledgement in the SQL forms", async () => {
    for (const to of ['sql', 'prisma', 'drizzle'] as const) {
      const r = await translateMigration(SHOP, { to, outDir: tmpdir(), dryRun: true });
      expect(r.files[0]!.text).toContain('-- dbm-ignore ban-create-view\nCREATE VIEW "open_orders"');
    }
  });
});

describe('translate migration: a statement with no inverse', () => {
  let admin: pg.Client;
  let template: string;
  beforeAll(async () => {
    admin = await connect();
    template = await createDatabase(admin, 'dbm_tm_irr');
  });
  afterAll(async () => {
    await dropDatabase(admin, template);
    await admin.end();
  });

  for (const to of MIGRATION_FORMS) {
    it(`→ ${to}: is named in a warning, and the down fails loudly at that point`, async () => {
      const outDir = await mkdtemp(path.join(tmpdir(), `dbm-tm-irr-${to}-`));
      const db = await copyOf(admin, template, 'dbm_tm_irr_dst');
      try {
        const r = await translateMigration(IRREVERSIBLE, { to, outDir });
        expect(r.downFrom).toBe('derived');
        const [warning] = r.warnings.filter((w) => w.code === 'no-inverse');
        expect(warning).toMatchObject({ direction: 'down', sql: 'ALTER TABLE "notes" ALTER COLUMN "body" TYPE varchar(500)' });
        const target = translatedOnDisk(r);
        await runMigration(db.url, target, 'up');
        const up = await catalogOf(db.url);
        const err = (await runMigration(db.url, target, 'down').then(() => undefined, (e: unknown) => e)) as Error | undefined;
        expect(err?.message ?? '').toMatch(/dbm cannot undo 20250303120000_irreversible\.sql past "ALTER TABLE "notes" ALTER COLUMN "body" TYPE varchar\(500\)": the previous type is not part of the statement/);
        // the ORMs run the down in one transaction: the failure leaves the migration applied, whole
        if (to === 'knex' || to === 'typeorm') expect(await catalogOf(db.url)).toEqual(up);
      } finally {
        await db.drop();
        await rm(outDir, { recursive: true, force: true });
      }
    });
  }
});
