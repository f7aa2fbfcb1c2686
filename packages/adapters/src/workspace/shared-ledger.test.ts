/**
 * Two drizzle packages sharing drizzle.__drizzle_migrations, on the real server. drizzle decides what is
 * pending by time (journal `when` > the newest created_at), so the second package's older migration is
 * never run by drizzle; dbm reads each package's rows by hash and name, reports that migration as not
 * applied, applies it, and sets the other package's rows aside instead of calling them missing.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations, computeStatus, type MigrationSource } from '@dbm/core';
import { connect, createDatabase, dropDatabase } from '../../../core/src/plan/pg.testkit.js';
import { drizzleMigrate } from '../drizzle/drizzle.testkit.js';
import { DrizzleLedger } from '../drizzle/ledger.js';
import { readDrizzleMigrations } from '../drizzle/read.js';
import { applyWithLedger, databaseUrl } from '../sql-apply.testkit.js';
import { ownRows } from './own-rows.js';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

/** A drizzle migrations folder: journal and .sql files, with the given `when`s. */
async function folder(migrations: { tag: string; when: number; sql: string }[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dbm-shared-ledger-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  await mkdir(join(dir, 'meta'));
  const entries = migrations.map((m, idx) => ({ idx, version: '7', when: m.when, tag: m.tag, breakpoints: true }));
  await writeFile(join(dir, 'meta', '_journal.json'), JSON.stringify({ version: '7', dialect: 'postgresql', entries }));
  for (const m of migrations) await writeFile(join(dir, `${m.tag}.sql`), m.sql);
  return dir;
}

async function status(client: pg.Client, own: MigrationSource[], siblings: MigrationSource[]) {
  const ledger = new DrizzleLedger({ sources: own });
  const rows = ownRows(await ledger.read(client), own, siblings);
  return { ...computeStatus('drizzle', ledger.table, own, rows.rows), shared: rows.shared };
}

const states = (r: { migrations: { name: string; state: string }[] }) => Object.fromEntries(r.migrations.map((m) => [m.name, m.state]));
const tables = async (c: pg.Client) => (await c.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).rows.map((r) => r.t);

describe('a drizzle ledger shared by two packages', () => {
  it('status goes by hash and name, not by drizzle’s newest-timestamp rule', async () => {
    const admin = await connect();
    cleanup.push(() => admin.end());
    const db = await createDatabase(admin, 'dbm_shared_ledger');
    cleanup.push(() => dropDatabase(admin, db));
    const client = await connect(db);
    cleanup.push(() => client.end());

    const reports = await readDrizzleMigrations(await folder([{ tag: '0000_reports', when: 2_000, sql: 'CREATE TABLE "reports" ("id" serial PRIMARY KEY);' }]));
    const analyticsDir = await folder([
      { tag: '0000_events', when: 1_000, sql: 'CREATE TABLE "events" ("id" serial PRIMARY KEY);' },
      { tag: '0001_clicks', when: 3_000, sql: 'CREATE TABLE "clicks" ("id" serial PRIMARY KEY);' },
    ]);
    const analytics = await readDrizzleMigrations(analyticsDir);

    // the reports package applies first; then drizzle's own migrator runs the analytics package
    await applyWithLedger(client, new DrizzleLedger({ sources: reports }), reports);
    await drizzleMigrate(client, analyticsDir);
    // drizzle skipped 0000_events (its `when` is older than the reports row) and still calls the folder done
    expect(await tables(client)).toEqual(['clicks', 'reports']);

    const before = await status(client, analytics, reports);
    expect(states(before)).toEqual({ '0000_events': 'out-of-order', '0001_clicks': 'applied' });
    expect(before.shared).toBe(1);
    // read without its sibling's migrations, the reports row would look like a migration missing on disk
    expect(states(await status(client, analytics, []))).toMatchObject({ [reports[0]!.checksum]: 'missing' });

    // dbm apply runs what drizzle skipped, and both packages read clean
    const applied = await applyMigrations({ url: databaseUrl(db), ledger: new DrizzleLedger({ sources: analytics }), sources: analytics });
    expect(applied.applied).toEqual(['0000_events']);
    expect(await tables(client)).toEqual(['clicks', 'events', 'reports']);
    const after = await status(client, analytics, reports);
    expect(after.clean).toBe(true);
    expect(after.shared).toBe(1);
    const theirs = await status(client, reports, analytics);
    expect(states(theirs)).toEqual({ '0000_reports': 'applied' });
    expect(theirs.shared).toBe(2);
  });
});
