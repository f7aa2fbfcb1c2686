// The executor's reporting: progress of long index builds and backfills, the dry run, and status of drift.
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as core from '../../packages/core/dist/index.js';
import { openMigrations } from '../../packages/adapters/dist/index.js';
import { dropDatabase, freshDatabase, urlOf, withDb } from './db.js';
import { SHOP } from './run-worker.js';

const dbs: string[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const db of dbs) await dropDatabase(db);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A copy of the shop migrations up to init, plus extra migrations. */
function project(extra: Record<string, string>, upTo = 1): string {
  const dir = mkdtempSync(join(tmpdir(), 'dbm-engine-'));
  dirs.push(dir);
  const names = ['20260101000000_init', '20260102000000_hardening', '20260103000000_cleanup'].slice(0, upTo);
  for (const n of names) cpSync(join(SHOP, n), join(dir, n), { recursive: true });
  cpSync(join(SHOP, 'migration_lock.toml'), join(dir, 'migration_lock.toml'));
  for (const [name, sql] of Object.entries(extra)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

async function apply(dir: string, url: string, extra: Partial<core.ApplyOptions> = {}) {
  const p = await openMigrations({ orm: 'prisma', dir });
  return core.applyMigrations({ url, ledger: p.ledger, sources: p.sources, ...extra });
}

let db = '';
let url = '';
beforeAll(async () => {
  db = await freshDatabase('dbm_engine');
  dbs.push(db);
  url = urlOf(db);
  await apply(project({}), url);
  // a big table, so index builds and backfills take long enough to report on
  await withDb(db, (c) => c.query(`INSERT INTO orders (user_id, ref, status, total, note) SELECT 1 + g % 2000, 'X' || g, 'new', 1, 'n' || g FROM generate_series(1, 300000) g`));
}, 180_000);

describe('progress', () => {
  it('reports a long CONCURRENTLY build from pg_stat_progress_create_index, and a backfill in rows/s', async () => {
    const dir = project({
      '20260104000000_progress': [
        'CREATE INDEX "orders_digest_idx" ON "orders"(md5("note" || "id"::text), md5("ref" || "note"));',
        'ALTER TABLE "orders" ADD COLUMN "token" UUID DEFAULT gen_random_uuid();',
      ].join('\n'),
    });
    const events: core.ExecEvent[] = [];
    const result = await apply(dir, url, { progress: 25, listener: (e) => events.push(e) });
    expect(result.applied).toEqual(['20260104000000_progress']);
    const index = events.filter((e) => e.type === 'index-progress');
    expect(index.length).toBeGreaterThan(0);
    expect(index.some((e) => e.type === 'index-progress' && e.total > 0)).toBe(true);
    const backfill = events.filter((e): e is Extract<core.ExecEvent, { type: 'backfill-progress' }> => e.type === 'backfill-progress');
    expect(backfill.length).toBeGreaterThan(1);
    expect(backfill.at(-1)!.rows).toBe(500_000);
    expect(backfill.at(-1)!.rowsPerSecond).toBeGreaterThan(0);
    await withDb(db, async (c) => {
      expect((await c.query(`SELECT count(*) AS n FROM orders WHERE token IS NULL`)).rows[0].n).toBe('0');
    });
  }, 300_000);
});

describe('apply --dry-run', () => {
  it('shows each step with its lock, the table size, a warning on rewriting a large table, and changes nothing', async () => {
    const dir = project({ '20260105000000_widen': 'ALTER TABLE "orders" ALTER COLUMN "total" TYPE DECIMAL(14,2);\nCREATE INDEX "orders_ref_idx" ON "orders"("ref");' });
    const p = await openMigrations({ orm: 'prisma', dir });
    const ledgerBefore = await withDb(db, async (c) => (await c.query('SELECT count(*) AS n FROM _prisma_migrations')).rows[0].n);
    const plan = await core.dryRun({ url, ledger: p.ledger, sources: p.sources });
    const m = plan.find((x) => x.name === '20260105000000_widen')!;
    const statements = m.steps.flatMap((s) => s.statements);
    const widen = statements.find((s) => s.sql.includes('TYPE'))!;
    expect(widen.lock).toBe('ACCESS EXCLUSIVE');
    expect(widen.rows).toBeGreaterThan(400_000);
    expect(widen.warning).toMatch(/rewrites the table and its indexes: orders is large/);
    const index = statements.find((s) => s.sql.includes('CONCURRENTLY'))!;
    expect(index.lock).toBe('SHARE UPDATE EXCLUSIVE');
    expect(m.steps.some((s) => !s.transactional)).toBe(true);
    await withDb(db, async (c) => {
      expect((await c.query('SELECT count(*) AS n FROM _prisma_migrations')).rows[0].n).toBe(ledgerBefore);
      expect((await c.query(`SELECT to_regclass('orders_ref_idx') AS i`)).rows[0].i).toBeNull();
    });
  }, 120_000);
});

describe('status', () => {
  it('is read-only: on a fresh database it creates neither the ledger nor dbm bookkeeping', async () => {
    const fresh = await freshDatabase('dbm_status_ro');
    dbs.push(fresh);
    const p = await openMigrations({ orm: 'prisma', dir: SHOP });
    const client = await core.connect(urlOf(fresh));
    const report = await core.readStatus(client, p.ledger, p.sources);
    await client.end();
    expect(report.counts.pending).toBe(3);
    await withDb(fresh, async (c) => {
      const r = await c.query(`SELECT to_regclass('_prisma_migrations') AS l, to_regnamespace('_dbm') AS s`);
      expect(r.rows[0]).toEqual({ l: null, s: null });
    });
  });

  it('reports edited, missing and out-of-order migrations, and apply refuses an edited history', async () => {
    const dir = project({}, 3);
    const fresh = await freshDatabase('dbm_status_drift');
    dbs.push(fresh);
    await apply(dir, urlOf(fresh));
    writeFileSync(join(dir, '20260102000000_hardening', 'migration.sql'), '-- edited\nSELECT 1;\n');
    rmSync(join(dir, '20260103000000_cleanup'), { recursive: true });
    mkdirSync(join(dir, '20260101500000_late'));
    writeFileSync(join(dir, '20260101500000_late', 'migration.sql'), 'CREATE TABLE "late" ("id" BIGINT PRIMARY KEY);\n');
    const p = await openMigrations({ orm: 'prisma', dir });
    const client = await core.connect(urlOf(fresh));
    const report = await core.readStatus(client, p.ledger, p.sources);
    await client.end();
    expect(Object.fromEntries(report.migrations.map((m) => [m.name, m.state]))).toEqual({
      '20260101000000_init': 'applied',
      '20260101500000_late': 'out-of-order',
      '20260102000000_hardening': 'edited',
      '20260103000000_cleanup': 'missing',
    });
    expect(report.clean).toBe(false);
    await expect(apply(dir, urlOf(fresh))).rejects.toThrow(/edited after they were applied[\s\S]*20260102000000_hardening/);
  }, 120_000);
});
