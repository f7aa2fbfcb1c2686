/**
 * DrizzleLedger against drizzle itself: dbm applies and drizzle-orm's migrator finds nothing to run;
 * drizzle applies and dbm reads every migration back; and so on, on the real server.
 */
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationSource } from '@dbm/core';
import { connect, createDatabase, dropDatabase, snapshot } from '../../../core/src/plan/pg.testkit.js';
import { applyDown, applyWithLedger, tableShape } from '../sql-apply.testkit.js';
import { copyFixture, drizzleMigrate, FIXTURE_FOLDER, ranMigrationStatements } from './drizzle.testkit.js';
import { DrizzleLedger } from './ledger.js';
import { readDrizzleMigrations, type DrizzleMigrationMeta } from './read.js';

let admin: pg.Client | undefined;

/** The server's own database, connected on first use: an unreachable server fails each test that needs it. */
async function server(): Promise<pg.Client> {
  admin ??= await connect();
  return admin;
}
let sources: MigrationSource[];

beforeAll(async () => {
  sources = await readDrizzleMigrations(FIXTURE_FOLDER);
});
afterAll(async () => {
  await admin?.end();
});

async function withDb(fn: (client: pg.Client) => Promise<void>): Promise<void> {
  const name = await createDatabase(await server(), 'dbm_drizzle');
  const client = await connect(name);
  try {
    await fn(client);
  } finally {
    await client.end();
    await dropDatabase(await server(), name);
  }
}

const statementsOf = (ms: readonly MigrationSource[]) => ms.flatMap((m) => (m.meta as DrizzleMigrationMeta).statements);

/** The ledger rows as stored. */
async function rawRows(client: pg.Client, table = '"drizzle"."__drizzle_migrations"') {
  return (await client.query<{ id: number; hash: string; created_at: string }>(`SELECT id, hash, created_at FROM ${table} ORDER BY id`)).rows;
}

/** What drizzle's migrator sends besides migration statements: its ledger bookkeeping and the transaction. */
const BOOKKEEPING = /^(CREATE SCHEMA IF NOT EXISTS|CREATE TABLE IF NOT EXISTS|select id, hash, created_at from|begin|commit)\b/i;

describe('DrizzleLedger agrees with drizzle-orm’s migrator', () => {
  it('ensure creates the schema and table exactly as drizzle’s migrator creates them', async () => {
    let drizzles: unknown;
    let dbms: unknown;
    await withDb(async (client) => {
      await drizzleMigrate(client, FIXTURE_FOLDER);
      drizzles = await tableShape(client, 'drizzle.__drizzle_migrations');
    });
    await withDb(async (client) => {
      const ledger = new DrizzleLedger();
      expect(ledger.table).toBe('drizzle.__drizzle_migrations');
      expect(await ledger.exists(client)).toBe(false);
      expect(await ledger.read(client)).toEqual([]);
      await ledger.ensure(client);
      await ledger.ensure(client); // idempotent
      expect(await ledger.exists(client)).toBe(true);
      dbms = await tableShape(client, 'drizzle.__drizzle_migrations');
    });
    expect(dbms).toEqual(drizzles);
    expect(JSON.stringify(dbms)).toContain('nextval');
  });

  it('after dbm applies, drizzle’s migrator is a no-op: no statement, no new row, same schema; rows equal drizzle’s', async () => {
    let drizzleRows: unknown;
    await withDb(async (client) => {
      await drizzleMigrate(client, FIXTURE_FOLDER);
      drizzleRows = await rawRows(client);
    });
    await withDb(async (client) => {
      await applyWithLedger(client, new DrizzleLedger({ sources }), sources);
      const before = { rows: await rawRows(client), schema: await snapshot(client) };
      const sent = await drizzleMigrate(client, FIXTURE_FOLDER);
      expect(ranMigrationStatements(sent, statementsOf(sources))).toEqual([]);
      expect(sent.filter((s) => !BOOKKEEPING.test(s))).toEqual([]);
      expect({ rows: await rawRows(client), schema: await snapshot(client) }).toEqual(before);
      expect(before.rows).toEqual(drizzleRows);
    });
    expect(drizzleRows).toEqual(
      sources.map((s, i) => ({ id: i + 1, hash: s.checksum, created_at: String((s.meta as DrizzleMigrationMeta).when) })),
    );
  });

  it('after drizzle applies, read matches every source by name and checksum, finished', async () => {
    await withDb(async (client) => {
      await drizzleMigrate(client, FIXTURE_FOLDER);
      const rows = await new DrizzleLedger({ sources }).read(client);
      expect(rows.map((r) => [r.name, r.checksum])).toEqual(sources.map((s) => [s.name, s.checksum]));
      expect(rows.map((r) => r.finishedAt?.getTime())).toEqual(sources.map((s) => (s.meta as DrizzleMigrationMeta).when));
      // without the sources a row can only be named by its hash
      expect((await new DrizzleLedger().read(client)).map((r) => r.name)).toEqual(sources.map((s) => s.checksum));
    });
  });

  it('after remove of the last migration, drizzle’s migrator runs exactly it again', async () => {
    await withDb(async (client) => {
      const ledger = new DrizzleLedger({ sources });
      await applyWithLedger(client, ledger, sources);
      const last = sources.at(-1)!;
      await applyDown(client, last);
      await ledger.remove(client, last);
      expect((await ledger.read(client)).map((r) => r.name)).toEqual(sources.slice(0, -1).map((s) => s.name));
      const sent = await drizzleMigrate(client, FIXTURE_FOLDER);
      expect(sent.filter((s) => !BOOKKEEPING.test(s))).toEqual([...ranMigrationStatements(sent, statementsOf([last])), expect.stringMatching(/^insert into/)]);
      expect(ranMigrationStatements(sent, statementsOf([last]))).toHaveLength(1);
      expect((await ledger.read(client)).map((r) => [r.name, r.checksum])).toEqual(sources.map((s) => [s.name, s.checksum]));
    });
  });

  it('fail records nothing, as drizzle records nothing: the migration stays pending for drizzle', async () => {
    const folder = await copyFixture();
    const journalPath = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: { when: number }[] };
    const when = journal.entries.at(-1)!.when + 1000;
    journal.entries.push({ idx: 3, version: '7', when, tag: '0003_broken', breakpoints: true } as never);
    await writeFile(journalPath, JSON.stringify(journal, null, 2));
    await writeFile(join(folder, '0003_broken.sql'), 'ALTER TABLE "users" ADD COLUMN "display_name" text;');
    const all = await readDrizzleMigrations(folder);
    await withDb(async (client) => {
      const ledger = new DrizzleLedger({ sources: all });
      await expect(applyWithLedger(client, ledger, all)).rejects.toThrow(/display_name/);
      expect((await ledger.read(client)).map((r) => r.name)).toEqual(sources.map((s) => s.name));
      // drizzle sees it as pending: fixed, its migrator runs it (and only it)
      await writeFile(join(folder, '0003_broken.sql'), 'ALTER TABLE "users" ADD COLUMN "nickname" text;');
      const sent = await drizzleMigrate(client, folder);
      expect(sent.filter((s) => !BOOKKEEPING.test(s))).toEqual(['ALTER TABLE "users" ADD COLUMN "nickname" text;', expect.stringMatching(/^insert into/)]);
    });
  });

  it('a file edited after apply: read still names the row, and its checksum differs from the source’s', async () => {
    const folder = await copyFixture();
    await withDb(async (client) => {
      await applyWithLedger(client, new DrizzleLedger({ sources }), sources);
      await appendFile(join(folder, `${sources[1]!.name}.sql`), '\n-- edited after apply');
      const edited = await readDrizzleMigrations(folder);
      const rows = await new DrizzleLedger({ sources: edited }).read(client);
      expect(rows.map((r) => r.name)).toEqual(edited.map((s) => s.name));
      expect(rows.map((r, i) => r.checksum === edited[i]!.checksum)).toEqual([true, false, true]);
      expect(rows[1]!.checksum).toBe(sources[1]!.checksum);
      // drizzle itself never looks at hashes: for it nothing is pending
      const sent = await drizzleMigrate(client, folder);
      expect(sent.filter((s) => !BOOKKEEPING.test(s))).toEqual([]);
      // and remove still finds the row by the journal's when
      await new DrizzleLedger({ sources: edited }).remove(client, edited[1]!);
      expect((await rawRows(client)).map((r) => r.hash)).toEqual([sources[0]!.checksum, sources[2]!.checksum]);
    });
  });

  it('a custom migrations table and schema (drizzle.config migrations.table / .schema)', async () => {
    await withDb(async (client) => {
      const ledger = new DrizzleLedger({ table: 'applied_migrations', schema: 'ops', sources });
      expect(ledger.table).toBe('ops.applied_migrations');
      await applyWithLedger(client, ledger, sources);
      const sent = await drizzleMigrate(client, FIXTURE_FOLDER, { table: 'applied_migrations', schema: 'ops' });
      expect(sent.filter((s) => !BOOKKEEPING.test(s))).toEqual([]);
      expect(await rawRows(client, '"ops"."applied_migrations"')).toHaveLength(3);
      expect(await new DrizzleLedger().exists(client)).toBe(false);
      expect((await ledger.read(client)).map((r) => r.name)).toEqual(sources.map((s) => s.name));
    });
  });
});

describe('DrizzleLedger rows', () => {
  it('finish needs the journal when', async () => {
    await withDb(async (client) => {
      const ledger = new DrizzleLedger();
      await ledger.ensure(client);
      const { meta: _meta, ...bare } = sources[0]!;
      await expect(ledger.finish(client, bare, { appliedSteps: 1 })).rejects.toThrow(/when/);
    });
  });

  it('a row no source matches is named by its hash', async () => {
    await withDb(async (client) => {
      const ledger = new DrizzleLedger({ sources: sources.slice(0, 1) });
      await applyWithLedger(client, ledger, sources.slice(0, 2));
      expect((await ledger.read(client)).map((r) => r.name)).toEqual([sources[0]!.name, sources[1]!.checksum]);
    });
  });
});
