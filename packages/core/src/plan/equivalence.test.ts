/**
 * The proof that a fix changes how a migration runs, never what it leaves behind: for every fix-*.sql
 * fixture (the rules' and the planner's own), the migration as written and its plan are applied to
 * two fresh databases holding the shop schema, and their catalogs must be identical, with every
 * index valid and every constraint validated. Runs on a real PostgreSQL server; fails when it is
 * unreachable.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPostgresParser, parsePostgres } from '../dialects/postgres/parse.js';
import { lintSql } from '../lint/lint.js';
import { fixtureSettings } from '../rules/harness.testkit.js';
import { applyAsWritten, applyPlan, connect, createDatabase, createTemplate, dropDatabase, PG_URL, snapshot } from './pg.testkit.js';
import { planFix } from './plan-fix.js';
import { renderPlanSql } from './render.js';

const here = import.meta.dirname;
const SHOP = readFileSync(join(here, 'testdata', 'shop-schema.sql'), 'utf8');

/** Every fix-*.sql under rules/<rule>/fixtures/ and plan/fixtures/, found when the tests are collected. */
function fixFixtures(): { label: string; name: string; sql: string }[] {
  const rules = join(here, '..', 'rules');
  const folders = [
    ...readdirSync(rules, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => ({ label: `rules/${d.name}`, dir: join(rules, d.name, 'fixtures') })),
    { label: 'plan', dir: join(here, 'fixtures') },
  ];
  return folders
    .filter((f) => existsSync(f.dir))
    .flatMap((f) =>
      readdirSync(f.dir)
        .filter((n) => /^fix-.*\.sql$/.test(n))
        .sort()
        .map((n) => ({ label: `${f.label}/${n}`, name: n, sql: readFileSync(join(f.dir, n), 'utf8') })),
    );
}

/**
 * Applies `sql` as written to one copy of the shop database and its plan to another (after `setup`
 * on both); returns the plan and both snapshots.
 */
async function compare(admin: pg.Client, shop: string, setup: string, sql: string, pgVersion: number) {
  const file = parsePostgres(sql);
  const plan = planFix(file, { pgVersion });
  const a = await createDatabase(admin, 'dbm_eq_a', shop);
  const b = await createDatabase(admin, 'dbm_eq_b', shop);
  try {
    const [ca, cb] = [await connect(a), await connect(b)];
    try {
      if (setup) {
        await ca.query(setup);
        await cb.query(setup);
      }
      await applyAsWritten(ca, file);
      await applyPlan(cb, plan);
      return { plan, written: await snapshot(ca), planned: await snapshot(cb) };
    } finally {
      await ca.end();
      await cb.end();
    }
  } finally {
    await dropDatabase(admin, a);
    await dropDatabase(admin, b);
  }
}

type Snap = Awaited<ReturnType<typeof compare>>['written'];

function expectEquivalent(written: Snap, planned: Snap): void {
  expect(planned).toEqual(written);
  expect(planned.indexes.filter((i) => !i.valid)).toEqual([]);
  // a constraint may stay NOT VALID only where the migration itself left it so
  const leftNotValid = new Set(written.constraints.filter((c) => !c.validated).map((c) => `${c.table}.${c.name}`));
  expect(planned.constraints.filter((c) => !c.validated && !leftNotValid.has(`${c.table}.${c.name}`))).toEqual([]);
}

/** The statements that matter, without timeouts and transaction control. */
function substance(statements: string[]): string[] {
  return statements.filter((s) => !/^(SET( LOCAL)?\s+(lock|statement)_timeout\b|RESET\s+(lock|statement)_timeout\b|BEGIN\b|COMMIT\b|START TRANSACTION\b|END\b)/i.test(s.trim()));
}

describe('fix plans leave the catalog the migration as written leaves (PostgreSQL)', () => {
  let admin: pg.Client | undefined;
  let shop: string | undefined;
  let unreachable: Error | undefined;
  beforeAll(async () => {
    await loadPostgresParser();
    try {
      admin = await connect();
      shop = await createTemplate(admin, 'dbm_eq_shop', SHOP);
    } catch (e) {
      unreachable = e as Error;
    }
  });
  afterAll(async () => {
    if (admin && shop) await dropDatabase(admin, shop);
    await admin?.end();
  });
  /** The server, or the reason it cannot be used: each database test then fails with it (never skips). */
  const server = (): { admin: pg.Client; shop: string } => {
    if (!admin || !shop) throw new Error(`PostgreSQL test server unreachable (${PG_URL}): ${unreachable?.message ?? 'not connected'}`);
    return { admin, shop };
  };

  const all = fixFixtures();
  it('finds the fix fixtures of the rules and of the planner', () => {
    expect(all.some((f) => f.label.startsWith('rules/'))).toBe(true);
    expect(all.some((f) => f.label.startsWith('plan/'))).toBe(true);
  });

  for (const f of all) {
    const pgVersion = fixtureSettings(f.sql).pgVersion ?? 15;
    it(`${f.label}: same catalog`, async () => {
      const { admin, shop } = server();
      const { written, planned } = await compare(admin, shop, '', f.sql, pgVersion);
      expectEquivalent(written, planned);
    });

    it(`${f.label}: the fixed script fixes something and lints without errors`, () => {
      const file = parsePostgres(f.sql, f.name);
      const plan = planFix(file, { pgVersion });
      const input = substance(file.statements.map((s) => s.sql));
      const output = substance(plan.steps.flatMap((s) => s.statements));
      const setsLockTimeout = file.statements.some((s) => s.ops.some((o) => o.kind === 'setting' && o.name === 'lock_timeout'));
      expect(JSON.stringify(output) !== JSON.stringify(input) || !setsLockTimeout).toBe(true);
      expect(plan.changes.length).toBeGreaterThan(0);
      const errors = lintSql(renderPlanSql(plan), { pgVersion }).diagnostics.filter((d) => d.severity === 'error');
      expect(errors).toEqual([]);
    });
  }

  it('names unnamed constraints of a 60-character table as PostgreSQL does (truncated to 63 bytes)', async () => {
    const { admin, shop } = server();
    const table = `line_items_archived_by_the_nightly_job_${'x'.repeat(21)}`;
    const setup = `
      CREATE TABLE ${table} (id bigint PRIMARY KEY, parent_reference_number_of_the_original_line_item bigint,
        secondary_reference_number_for_reconciliation bigint, ü_straße_größe_überprüfung_ümlaut integer);
      INSERT INTO ${table} SELECT g, 1 + g % 50, g, g FROM generate_series(1, 50) g;`;
    const sql = `
      ALTER TABLE ${table} ADD FOREIGN KEY (parent_reference_number_of_the_original_line_item) REFERENCES ${table} (id);
      ALTER TABLE ${table} ADD CHECK (ü_straße_größe_überprüfung_ümlaut > 0);
      ALTER TABLE ${table} ADD CHECK (ü_straße_größe_überprüfung_ümlaut < 1000);
      ALTER TABLE ${table} ADD CHECK (id > 0 AND ü_straße_größe_überprüfung_ümlaut > 0);
      ALTER TABLE ${table} ADD UNIQUE (secondary_reference_number_for_reconciliation, parent_reference_number_of_the_original_line_item);`;
    const { plan, written, planned } = await compare(admin, shop, setup, sql, 15);
    expectEquivalent(written, planned);
    const names = written.constraints.filter((c) => c.table === table).map((c) => c.name);
    expect(names.length).toBe(6);
    expect(names.every((n) => Buffer.byteLength(n) <= 63)).toBe(true);
    // the names were chosen by the planner, not left to the server
    expect(plan.changes.filter((c) => c.what.includes('the name PostgreSQL would give it')).length).toBe(5);
  });
});
