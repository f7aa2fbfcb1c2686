// The executor survives kill -9 at every step boundary and inside a step: a rerun finishes the work
// without redoing or tripping over what was done, and ends exactly where a clean run ends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, dataChecksum, dropDatabase, freshDatabase, urlOf, withDb } from './db.js';
import { runWorker, SHOP } from './run-worker.js';

interface Outcome {
  catalog: string[];
  users: string;
  orders: string;
  ledger: string[];
  leftovers: number;
}

async function outcome(db: string): Promise<Outcome> {
  return withDb(db, async (c) => ({
    catalog: await catalog(c),
    users: await dataChecksum(c, 'users'),
    orders: await dataChecksum(c, 'orders'),
    ledger: (
      await c.query(
        `SELECT migration_name || ' steps=' || applied_steps_count || ' finished=' || (finished_at IS NOT NULL) || ' logs=' || coalesce(logs, '-') AS r
         FROM _prisma_migrations WHERE rolled_back_at IS NULL ORDER BY migration_name`,
      )
    ).rows.map((r: { r: string }) => r.r),
    leftovers: Number((await c.query(`SELECT count(*) AS n FROM "_dbm"."steps"`)).rows[0].n),
  }));
}

const dbs: string[] = [];
let reference: Outcome;
let stepsInRun = 0;
let slowStep = 0;

beforeAll(async () => {
  const db = await freshDatabase('dbm_crash_ref');
  dbs.push(db);
  const run = await runWorker({ DBM_URL: urlOf(db), DBM_DIR: SHOP });
  expect(run.error).toBeUndefined();
  expect(run.result?.applied).toHaveLength(3);
  stepsInRun = run.events.filter((e) => e.type === 'step-done').length;
  const starts = run.events.filter((e) => e.type === 'step-start');
  const dones = run.events.filter((e) => e.type === 'step-done');
  // the pg_sleep step of the hardening migration: the one to kill inside
  slowStep = 1 + dones.findIndex((e) => String(e.migration).endsWith('_hardening') && Number(e.ms) >= 500);
  expect(starts.length).toBe(stepsInRun);
  reference = await outcome(db);
}, 120_000);

afterAll(async () => {
  for (const db of dbs) await dropDatabase(db);
});

describe('kill -9 during dbm apply', () => {
  it('has a multi-step plan to cut into', () => {
    expect(stepsInRun).toBeGreaterThanOrEqual(12);
    expect(slowStep).toBeGreaterThan(0);
    expect(reference.ledger).toHaveLength(3);
    expect(reference.ledger.every((r) => r.includes('steps=1 finished=true logs=-'))).toBe(true);
    expect(reference.leftovers).toBe(0);
  });

  it('resumes after a kill at every step boundary and ends where a clean run ends', async () => {
    for (let k = 1; k < stepsInRun; k++) {
      const db = await freshDatabase('dbm_crash');
      dbs.push(db);
      const killed = await runWorker({ DBM_URL: urlOf(db), DBM_DIR: SHOP, DBM_KILL_AFTER_STEP: String(k) });
      expect(killed.signal, `run killed after step ${k}`).toBe('SIGKILL');
      const rerun = await runWorker({ DBM_URL: urlOf(db), DBM_DIR: SHOP });
      expect(rerun.error, `rerun after a kill after step ${k}`).toBeUndefined();
      // finished steps are skipped, not repeated
      expect(rerun.events.filter((e) => e.type === 'step-done').length).toBe(stepsInRun - k);
      expect(await outcome(db), `state after a kill after step ${k}`).toEqual(reference);
      await dropDatabase(db);
    }
  }, 600_000);

  it('resumes after a kill inside a step (its transaction is rolled back and run again)', async () => {
    const db = await freshDatabase('dbm_crash_in');
    dbs.push(db);
    const killed = await runWorker({ DBM_URL: urlOf(db), DBM_DIR: SHOP, DBM_KILL_IN_STEP: String(slowStep) });
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.events.filter((e) => e.type === 'step-done').length).toBe(slowStep - 1);
    const rerun = await runWorker({ DBM_URL: urlOf(db), DBM_DIR: SHOP });
    expect(rerun.error).toBeUndefined();
    expect(rerun.result?.resumed).toEqual(['20260102000000_hardening']);
    expect(await outcome(db)).toEqual(reference);
  }, 120_000);
});
