// Rollback after DROP COLUMN and DROP TABLE brings the rows back with their values; an INVALID index left
// by a failed CONCURRENTLY build is dropped and built again.
import { afterAll, describe, expect, it } from 'vitest';
import { catalog, dropDatabase, freshDatabase, urlOf, withDb } from './db.js';
import { runWorker, SHOP } from './run-worker.js';

const dbs: string[] = [];
afterAll(async () => {
  for (const db of dbs) await dropDatabase(db);
});

const snapshot = (db: string) =>
  withDb(db, async (c) => ({
    legacy: (await c.query(`SELECT count(*) AS n, md5(string_agg(id || '=' || coalesce(legacy, '∅'), ',' ORDER BY id)) AS sum FROM users`)).rows[0],
    audit: (await c.query(`SELECT count(*) AS n, md5(string_agg(id || '=' || event, ',' ORDER BY id)) AS sum FROM audit`)).rows[0],
    catalog: await catalog(c),
  }));

describe('dbm rollback of destructive migrations', () => {
  it('restores a dropped column and a dropped table, rows and values intact', async () => {
    const db = await freshDatabase('dbm_rb');
    dbs.push(db);
    const url = urlOf(db);
    expect((await runWorker({ DBM_URL: url, DBM_DIR: SHOP })).error).toBeUndefined();
    // roll the cleanup back, take the reference, then apply it again and roll it back again
    expect((await runWorker({ DBM_URL: url, DBM_DIR: SHOP, DBM_VERB: 'rollback' })).error).toBeUndefined();
    const before = await snapshot(db);
    expect(Number(before.audit.n)).toBe(500);
    expect(Number(before.legacy.n)).toBe(2000);
    const apply = await runWorker({ DBM_URL: url, DBM_DIR: SHOP });
    expect(apply.result?.applied).toEqual(['20260103000000_cleanup']);
    await withDb(db, async (c) => {
      expect((await c.query(`SELECT to_regclass('public.audit') AS t`)).rows[0].t).toBeNull();
      expect((await c.query(`SELECT count(*) AS n FROM pg_attribute WHERE attrelid = 'users'::regclass AND attname = 'legacy' AND NOT attisdropped`)).rows[0].n).toBe('0');
    });
    const rb = await runWorker({ DBM_URL: url, DBM_DIR: SHOP, DBM_VERB: 'rollback' });
    expect(rb.error).toBeUndefined();
    expect(rb.result?.rolledBack).toEqual(['20260103000000_cleanup']);
    const after = await snapshot(db);
    expect(after.audit).toEqual(before.audit);
    expect(after.legacy).toEqual(before.legacy);
    expect(after.catalog).toEqual(before.catalog);
    await withDb(db, async (c) => {
      expect((await c.query(`SELECT count(*) AS n FROM "_dbm"."backups"`)).rows[0].n).toBe('0');
      const pending = (await c.query(`SELECT count(*) AS n FROM _prisma_migrations WHERE migration_name = '20260103000000_cleanup'`)).rows[0].n;
      expect(pending).toBe('0');
    });
  }, 180_000);

  it('refuses, before changing anything, to roll back a drop whose data was never kept', async () => {
    const db = await freshDatabase('dbm_rb_refuse');
    dbs.push(db);
    const url = urlOf(db);
    expect((await runWorker({ DBM_URL: url, DBM_DIR: SHOP })).error).toBeUndefined();
    await withDb(db, (c) => c.query(`DELETE FROM "_dbm"."backups"`));
    const before = await withDb(db, catalog);
    const rb = await runWorker({ DBM_URL: url, DBM_DIR: SHOP, DBM_VERB: 'rollback' });
    expect(rb.error).toMatch(/cannot be undone/);
    expect(rb.error).toMatch(/DROP TABLE "audit"/);
    expect(await withDb(db, catalog)).toEqual(before);
  }, 120_000);

  it('drops an INVALID index left by a failed CONCURRENTLY build, then builds it', async () => {
    const db = await freshDatabase('dbm_invalid');
    dbs.push(db);
    const url = urlOf(db);
    // apply the first migration only, then set up the leftover by hand
    const first = await runWorker({ DBM_URL: url, DBM_DIR: SHOP, DBM_TO: '20260101000000_init' });
    expect(first.error).toBeUndefined();
    expect(first.result?.applied).toEqual(['20260101000000_init']);
    await withDb(db, async (c) => {
      await c.query(`INSERT INTO orders (user_id, ref, status) VALUES (1, 'R1', 'dup')`);
      await c.query(`CREATE UNIQUE INDEX CONCURRENTLY "orders_ref_key" ON "orders" ("ref")`).catch(() => undefined);
      expect((await c.query(`SELECT indisvalid FROM pg_index WHERE indexrelid = 'orders_ref_key'::regclass`)).rows[0].indisvalid).toBe(false);
      await c.query(`DELETE FROM orders WHERE status = 'dup'`);
    });
    const run = await runWorker({ DBM_URL: url, DBM_DIR: SHOP });
    expect(run.error).toBeUndefined();
    expect(run.events.some((e) => e.type === 'invalid-index-dropped')).toBe(true);
    await withDb(db, async (c) => {
      expect((await c.query(`SELECT indisvalid FROM pg_index WHERE indexrelid = 'orders_ref_key'::regclass`)).rows[0].indisvalid).toBe(true);
    });
  }, 180_000);
});
