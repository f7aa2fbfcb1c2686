// A statement that fails halfway: a clear error naming the migration and the statement, nothing of the
// failed transactional step remains, the ledger shows the failure as Prisma would, and a rerun after the
// fix finishes the migration.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dropDatabase, freshDatabase, urlOf, withDb } from './db.js';
import { runWorker, SHOP } from './run-worker.js';

const FAILING = join(SHOP, '..', '..', 'failing', 'migrations');
const dbs: string[] = [];
afterAll(async () => {
  for (const db of dbs) await dropDatabase(db);
});

describe('a migration that fails halfway', () => {
  it('reports, records the failure, keeps no half step, and resumes after the fix', async () => {
    const db = await freshDatabase('dbm_fail');
    dbs.push(db);
    const run = await runWorker({ DBM_URL: urlOf(db), DBM_DIR: FAILING });
    expect(run.code).toBe(1);
    expect(run.error).toMatch(/migration 20260102000000_require_note failed at step \d+\/\d+/);
    expect(run.error).toMatch(/statement: ALTER TABLE "orders" VALIDATE CONSTRAINT "orders_note_not_null_tmp"/);
    expect(run.error).toMatch(/SQLSTATE 23514/);
    await withDb(db, async (c) => {
      const rows = (await c.query(`SELECT migration_name, finished_at, logs, applied_steps_count FROM _prisma_migrations ORDER BY started_at`)).rows;
      expect(rows.map((r) => [r.migration_name, r.finished_at === null])).toEqual([
        ['20260101000000_init', false],
        ['20260102000000_require_note', true],
      ]);
      expect(rows[1].logs).toMatch(/orders_note_not_null_tmp/);
      expect(rows[1].applied_steps_count).toBe(0);
      // the step before the failure is done (its index exists, valid); the failed step left nothing
      const idx = (await c.query(`SELECT indexrelid::regclass::text AS name, indisvalid FROM pg_index WHERE indrelid = 'orders'::regclass ORDER BY 1`)).rows;
      expect(idx).toContainEqual({ name: 'orders_status_idx', indisvalid: true });
      expect(idx.map((i) => i.name)).not.toContain('orders_note_idx');
      const notNull = (await c.query(`SELECT attnotnull FROM pg_attribute WHERE attrelid = 'orders'::regclass AND attname = 'note'`)).rows[0];
      expect(notNull.attnotnull).toBe(false);
      // the fix: give every order a note
      await c.query(`UPDATE orders SET note = 'none' WHERE note IS NULL`);
    });
    const rerun = await runWorker({ DBM_URL: urlOf(db), DBM_DIR: FAILING });
    expect(rerun.error).toBeUndefined();
    expect(rerun.result?.resumed).toEqual(['20260102000000_require_note']);
    // the index built before the failure is not built again
    expect(rerun.events.some((e) => e.type === 'step-skip')).toBe(true);
    await withDb(db, async (c) => {
      const live = (await c.query(`SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations WHERE rolled_back_at IS NULL ORDER BY migration_name`)).rows;
      expect(live).toEqual([
        { migration_name: '20260101000000_init', finished: true },
        { migration_name: '20260102000000_require_note', finished: true },
      ]);
      const notNull = (await c.query(`SELECT attnotnull FROM pg_attribute WHERE attrelid = 'orders'::regclass AND attname = 'note'`)).rows[0];
      expect(notNull.attnotnull).toBe(true);
      const cons = (await c.query(`SELECT conname FROM pg_constraint WHERE conrelid = 'orders'::regclass AND conname LIKE '%tmp'`)).rows;
      expect(cons).toEqual([]);
    });
  }, 120_000);
});
