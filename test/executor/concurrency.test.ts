// Eight dbm apply processes at once on one database: each migration is applied exactly once.
import { afterAll, describe, expect, it } from 'vitest';
import { dropDatabase, freshDatabase, urlOf, withDb } from './db.js';
import { runWorker, SHOP } from './run-worker.js';

const dbs: string[] = [];
afterAll(async () => {
  for (const db of dbs) await dropDatabase(db);
});

async function ledgerRows(db: string): Promise<{ name: string; finished: boolean }[]> {
  return withDb(db, async (c) =>
    (await c.query(`SELECT migration_name AS name, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY migration_name`)).rows,
  );
}

describe('concurrent dbm apply', () => {
  it('serialises 8 processes: every migration applied exactly once, no errors', async () => {
    const db = await freshDatabase('dbm_conc');
    dbs.push(db);
    const runs = await Promise.all(Array.from({ length: 8 }, () => runWorker({ DBM_URL: urlOf(db), DBM_DIR: SHOP })));
    for (const r of runs) expect(r.error).toBeUndefined();
    const applied = runs.flatMap((r) => r.result?.applied ?? []);
    expect(applied.sort()).toEqual(['20260101000000_init', '20260102000000_hardening', '20260103000000_cleanup']);
    expect(runs.some((r) => r.events.some((e) => e.type === 'wait-lock'))).toBe(true);
    const rows = await ledgerRows(db);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.finished)).toBe(true);
    // the seed ran once
    expect(await withDb(db, async (c) => Number((await c.query('SELECT count(*) AS n FROM orders')).rows[0].n))).toBe(200000);
  }, 180_000);

  it('with --no-wait, the ones that find the lock taken exit with the clear message and nothing else fails', async () => {
    const db = await freshDatabase('dbm_conc_nowait');
    dbs.push(db);
    const runs = await Promise.all(Array.from({ length: 8 }, () => runWorker({ DBM_URL: urlOf(db), DBM_DIR: SHOP, DBM_NO_WAIT: '1' })));
    const failed = runs.filter((r) => r.error);
    for (const r of failed) expect(r.error).toMatch(/another dbm apply holds the lock on this database/);
    expect(failed.length).toBeGreaterThan(0);
    expect(runs.length - failed.length).toBeGreaterThan(0);
    const applied = runs.flatMap((r) => r.result?.applied ?? []);
    expect(new Set(applied).size).toBe(applied.length);
    // whatever the winners left pending, one more run finishes, and each migration is in the ledger once
    const last = await runWorker({ DBM_URL: urlOf(db), DBM_DIR: SHOP });
    expect(last.error).toBeUndefined();
    expect([...applied, ...(last.result?.applied ?? [])].sort()).toEqual(['20260101000000_init', '20260102000000_hardening', '20260103000000_cleanup']);
    expect(await ledgerRows(db)).toHaveLength(3);
  }, 180_000);
});
