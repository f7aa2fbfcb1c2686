/**
 * dbm and knex agree on the real server: what dbm applies knex sees as done, what knex applies dbm reads,
 * a rollback through the runner leaves exactly that migration pending, lock_timeout holds while a
 * migration runs, and a failing migration leaves nothing behind.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import knex, { type Knex } from 'knex';
import type pg from 'pg';
import { register } from 'tsx/esm/api';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MigrationSource } from '@dbm/core';
import { applyPending, connect, rollbackOne, schemaNames, withDatabase } from '../code/engine.testkit.js';
import { KnexLedger } from './ledger.js';
import { readKnexMigrations } from './read.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const PROJECT = path.join(here, 'testdata');
const MIGRATIONS = path.join(PROJECT, 'migrations');

// knex itself loads the fixture's .ts migration with import(): give this process a TypeScript loader,
// as a user running knex's CLI under tsx has
beforeAll(() => {
  register();
});

async function withKnex<T>(url: string, work: (db: Knex) => Promise<T>): Promise<T> {
  const db = knex({ client: 'pg', connection: url });
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

/** What `knex migrate:list` prints: [completed names, pending file names]. */
async function knexList(url: string, directory = MIGRATIONS): Promise<{ completed: string[]; pending: string[] }> {
  return withKnex(url, async (db) => {
    const [completed, pending] = (await db.migrate.list({ directory })) as [{ name: string }[], { file: string }[]];
    return { completed: completed.map((c) => c.name), pending: pending.map((p) => p.file) };
  });
}

async function ledgerRows(client: pg.ClientBase): Promise<unknown[]> {
  return (await client.query(`SELECT name, batch FROM knex_migrations ORDER BY id`)).rows;
}

async function lockRows(client: pg.ClientBase): Promise<unknown[]> {
  return (await client.query(`SELECT * FROM knex_migrations_lock`)).rows;
}

describe('knex: dbm applies, knex agrees', () => {
  let sources: MigrationSource[];
  beforeAll(async () => {
    sources = await readKnexMigrations({ cwd: PROJECT });
  });

  it('leaves nothing pending for migrate:list / migrate:latest, with the rows knex itself writes', async () => {
    const theirs = await withDatabase('dbm_knex_own', async (url, client) => {
      const [batch, log] = (await withKnex(url, (db) => db.migrate.latest({ directory: MIGRATIONS }))) as [number, string[]];
      expect([batch, log]).toEqual([1, sources.map((s) => s.name)]);
      return { rows: await ledgerRows(client), lock: await lockRows(client), schema: await schemaNames(client) };
    });
    await withDatabase('dbm_knex_apply', async (url, client) => {
      const ledger = new KnexLedger();
      expect(await applyPending(url, ledger, sources)).toEqual(sources.map((s) => s.name));
      const listed = await knexList(url);
      expect(listed).toEqual({ completed: sources.map((s) => s.name), pending: [] });
      const [, log] = (await withKnex(url, (db) => db.migrate.latest({ directory: MIGRATIONS }))) as [number, string[]];
      expect(log).toEqual([]);
      expect(await ledgerRows(client)).toEqual(theirs.rows);
      expect(await lockRows(client)).toEqual(theirs.lock);
      expect(await schemaNames(client)).toEqual(theirs.schema);
      // a second dbm apply finds nothing to do and the next batch is 2, as knex would number it
      expect(await applyPending(url, ledger, sources)).toEqual([]);
      expect(await ledger.nextBatch(client)).toBe(2);
    });
  });

  it('applies in one batch per run, numbered as knex numbers them', async () => {
    await withDatabase('dbm_knex_batches', async (url, client) => {
      await applyPending(url, new KnexLedger(), sources.slice(0, 1));
      await applyPending(url, new KnexLedger(), sources);
      expect(await ledgerRows(client)).toEqual([
        { name: sources[0]!.name, batch: 1 },
        { name: sources[1]!.name, batch: 2 },
        { name: sources[2]!.name, batch: 2 },
      ]);
      // knex's rollback undoes the last batch: the two dbm applied together
      const [, undone] = (await withKnex(url, (db) => db.migrate.rollback({ directory: MIGRATIONS }))) as [number, string[]];
      expect(undone).toEqual([sources[2]!.name, sources[1]!.name]);
      expect((await schemaNames(client)).tables).toEqual(['knex_migrations', 'knex_migrations_lock', 'users']);
    });
  });
  it('writes to a renamed ledger in another schema, where knex configured the same way looks', async () => {
    const config = { tableName: 'app_migrations', schemaName: 'ops' };
    const renamed = await readKnexMigrations({ cwd: PROJECT, ...config });
    await withDatabase('dbm_knex_renamed', async (url, client) => {
      await applyPending(url, new KnexLedger(config), renamed);
      const [completed, pending] = (await withKnex(url, (db) => db.migrate.list({ directory: MIGRATIONS, ...config }))) as [unknown[], unknown[]];
      expect([completed.length, pending.length]).toEqual([3, 0]);
      expect((await client.query(`SELECT count(*)::int AS n FROM ops.app_migrations_lock WHERE is_locked = 0`)).rows).toEqual([{ n: 1 }]);
      expect((await schemaNames(client)).tables).toEqual(['orders', 'users']);
    });
  });

  it("respects knex's own lock: a held lock stops the run, as it stops knex, and stays held", async () => {
    await withDatabase('dbm_knex_locked', async (url, client) => {
      const ledger = new KnexLedger();
      await ledger.ensure(client);
      await client.query('UPDATE knex_migrations_lock SET is_locked = 1');
      const err = (await applyPending(url, ledger, sources).catch((e: unknown) => e)) as Error;
      expect(err.message).toContain(sources[0]!.name);
      expect(err.message).toContain('knex migrate:unlock');
      expect((await schemaNames(client)).tables).toEqual(['knex_migrations', 'knex_migrations_lock']);
      expect(await lockRows(client)).toEqual([{ index: 1, is_locked: 1 }]);
    });
  });
});

describe('knex: knex applies, dbm agrees', () => {
  it('reads a row for every source, by name', async () => {
    const sources = await readKnexMigrations({ cwd: PROJECT });
    await withDatabase('dbm_knex_own', async (url, client) => {
      await withKnex(url, (db) => db.migrate.latest({ directory: MIGRATIONS }));
      const rows = await new KnexLedger().read(client);
      expect(rows.map((r) => r.name)).toEqual(sources.map((s) => s.name));
      expect(rows.every((r) => r.batch === 1 && r.finishedAt instanceof Date)).toBe(true);
      expect(await applyPending(url, new KnexLedger(), sources)).toEqual([]);
    });
  });
});

describe('knex: rollback through the runner', () => {
  for (const appliedBy of ['dbm', 'knex'] as const) {
    it(`leaves exactly the rolled-back migration pending, its schema gone (applied by ${appliedBy})`, async () => {
      const sources = await readKnexMigrations({ cwd: PROJECT });
      const last = sources[2]!;
      await withDatabase('dbm_knex_down', async (url, client) => {
        if (appliedBy === 'dbm') await applyPending(url, new KnexLedger(), sources);
        else await withKnex(url, (db) => db.migrate.latest({ directory: MIGRATIONS }));
        const before = await schemaNames(client);
        expect(before.columns).toContain('users.status');
        expect(before.indexes).toContain('users_status_idx');

        await rollbackOne(url, new KnexLedger(), last);
        expect(await knexList(url)).toEqual({ completed: [sources[0]!.name, sources[1]!.name], pending: [last.name] });
        const after = await schemaNames(client);
        expect(after.columns).not.toContain('users.status');
        expect(after.indexes).not.toContain('users_status_idx');
        expect(await lockRows(client)).toEqual([{ index: 1, is_locked: 0 }]);

        // a transactional one next: the orders table, its index and foreign key go
        await rollbackOne(url, new KnexLedger(), sources[1]!);
        expect((await knexList(url)).pending).toEqual([sources[1]!.name, last.name]);
        expect((await schemaNames(client)).tables).not.toContain('orders');

        // knex can take it from here
        const [, log] = (await withKnex(url, (db) => db.migrate.latest({ directory: MIGRATIONS }))) as [number, string[]];
        expect(log).toEqual([sources[1]!.name, last.name]);
      });
    });
  }
});

describe('knex: lock_timeout', () => {
  it('is set on the connection the migration runs on (with statement_timeout)', async () => {
    const sources = await readKnexMigrations({ cwd: PROJECT, directory: 'settings' });
    await withDatabase('dbm_knex_settings', async (url, client) => {
      const ledger = new KnexLedger();
      await ledger.ensure(client);
      await sources[0]!.runner!.up({ url, lockTimeout: '1234ms', statementTimeout: '1min', batch: 1 });
      expect((await client.query('SELECT * FROM seen_settings')).rows).toEqual([{ lock_timeout: '1234ms', statement_timeout: '1min' }]);
    });
  });

  for (const which of [1, 2]) {
    it(`makes a migration fail fast with 55P03 when a table it needs is locked (${which === 2 ? 'no transaction' : 'transactional'})`, async () => {
      const sources = await readKnexMigrations({ cwd: PROJECT });
      await withDatabase('dbm_knex_lock', async (url, client) => {
        const ledger = new KnexLedger();
        await applyPending(url, ledger, sources.slice(0, which));
        const holder = await connect(new URL(url).pathname.slice(1));
        try {
          await holder.query('BEGIN');
          await holder.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
          const started = Date.now();
          const err = (await applyPending(url, ledger, sources, '300ms').catch((e: unknown) => e)) as { code?: string; message: string };
          expect(Date.now() - started).toBeLessThan(5000);
          expect(err.code).toBe('55P03');
          expect(err.message).toContain(sources[which]!.name);
        } finally {
          await holder.query('ROLLBACK').catch(() => undefined);
          await holder.end();
        }
        expect((await ledger.read(client)).map((r) => r.name)).toEqual(sources.slice(0, which).map((s) => s.name));
        expect(await lockRows(client)).toEqual([{ index: 1, is_locked: 0 }]);
        // once the lock is gone the same apply goes through
        await applyPending(url, ledger, sources);
        expect((await knexList(url)).pending).toEqual([]);
      });
    });
  }
});

describe('knex: a failing migration', () => {
  it('leaves no trace: no table, no row, lock free; the error names the migration', async () => {
    const sources = await readKnexMigrations({ cwd: PROJECT, directory: 'failing' });
    await withDatabase('dbm_knex_fail', async (url, client) => {
      const ledger = new KnexLedger();
      const err = (await applyPending(url, ledger, sources).catch((e: unknown) => e)) as { code?: string; message: string };
      expect(err.message).toContain('20240201120000_broken.cjs');
      expect(err.message).toContain('no_such_table');
      expect(err.code).toBe('42P01');
      expect((await schemaNames(client)).tables).toEqual(['knex_migrations', 'knex_migrations_lock']);
      expect(await ledger.read(client)).toEqual([]);
      expect(await lockRows(client)).toEqual([{ index: 1, is_locked: 0 }]);
    });
  });
});

describe('knex: render matches what knex runs', () => {
  it('renders exactly the statements knex sends for the fixture migrations', async () => {
    const sources = await readKnexMigrations({ cwd: PROJECT });
    const rendered = (await Promise.all(sources.map((s) => s.runner!.render!('up')))).flat();
    await withDatabase('dbm_knex_render', async (url) => {
      const sent: string[] = [];
      await withKnex(url, async (db) => {
        db.on('query', (q: { sql: string }) => sent.push(q.sql));
        await db.migrate.latest({ directory: MIGRATIONS });
      });
      const own = /knex_migrations|information_schema|^(BEGIN|COMMIT|ROLLBACK)/i;
      expect(sent.filter((s) => !own.test(s))).toEqual(rendered);
    });
  });
});
