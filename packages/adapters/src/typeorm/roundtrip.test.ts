/**
 * dbm and TypeORM agree on the real server: what dbm applies TypeORM's migration:show / migration:run see
 * as done, what TypeORM applies dbm reads, a rollback through the runner leaves exactly that migration
 * pending, lock_timeout holds while a migration runs, and a failing migration leaves nothing behind.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { register } from 'tsx/esm/api';
import { DataSource, MigrationExecutor } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MigrationSource } from '@dbm/core';
import { applyPending, connect, rollbackOne, schemaNames, withDatabase } from '../code/engine.testkit.js';
import { TypeOrmLedger } from './ledger.js';
import { readTypeOrmMigrations } from './read.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const PROJECT = path.join(here, 'testdata');
const GLOB = path.join(PROJECT, 'migrations', '*.ts');

// TypeORM itself loads the fixture's .ts migrations with import(): give this process a TypeScript loader,
// as a user running TypeORM's CLI under tsx has
beforeAll(() => {
  register();
});

async function withTypeOrm<T>(url: string, work: (ds: DataSource) => Promise<T>, migrations: string[] = [GLOB]): Promise<T> {
  const ds = new DataSource({ type: 'postgres', url, migrations, logging: false });
  await ds.initialize();
  try {
    return await work(ds);
  } finally {
    await ds.destroy();
  }
}

/** What `typeorm migration:show` reports: whether anything is pending, and which. */
async function typeormPending(url: string, migrations: string[] = [GLOB]): Promise<{ any: boolean; names: string[] }> {
  return withTypeOrm(
    url,
    async (ds) => ({
      any: await ds.showMigrations(),
      names: (await new MigrationExecutor(ds).getPendingMigrations()).map((m) => m.name),
    }),
    migrations,
  );
}

async function ledgerRows(client: pg.ClientBase): Promise<unknown[]> {
  return (await client.query(`SELECT "timestamp", "name" FROM migrations ORDER BY id`)).rows;
}

describe('typeorm: dbm applies, TypeORM agrees', () => {
  let sources: MigrationSource[];
  beforeAll(async () => {
    sources = await readTypeOrmMigrations({ migrations: [GLOB] });
  });

  it('leaves nothing pending for showMigrations / runMigrations, with the rows TypeORM itself writes', async () => {
    const theirs = await withDatabase('dbm_typeorm_own', async (url, client) => {
      const ran = await withTypeOrm(url, (ds) => ds.runMigrations());
      expect(ran.map((m) => m.name)).toEqual(sources.map((s) => s.name));
      return { rows: await ledgerRows(client), schema: await schemaNames(client) };
    });
    await withDatabase('dbm_typeorm_apply', async (url, client) => {
      expect(await applyPending(url, new TypeOrmLedger(), sources)).toEqual(sources.map((s) => s.name));
      expect(await typeormPending(url)).toEqual({ any: false, names: [] });
      expect(await withTypeOrm(url, (ds) => ds.runMigrations())).toEqual([]);
      expect(await ledgerRows(client)).toEqual(theirs.rows);
      expect(await schemaNames(client)).toEqual(theirs.schema);
      expect(await applyPending(url, new TypeOrmLedger(), sources)).toEqual([]);
    });
  });

  it('runs a migration with transaction = false outside a transaction (CREATE INDEX CONCURRENTLY)', async () => {
    const both = [GLOB, path.join(PROJECT, 'concurrently', '*.ts')];
    const all = await readTypeOrmMigrations({ migrations: both });
    await withDatabase('dbm_typeorm_notx', async (url, client) => {
      await applyPending(url, new TypeOrmLedger(), all);
      expect((await schemaNames(client)).indexes).toContain('IDX_users_name');
      expect((await client.query(`SELECT indisvalid FROM pg_index WHERE indexrelid = '"IDX_users_name"'::regclass`)).rows).toEqual([{ indisvalid: true }]);
      expect(await typeormPending(url, both)).toEqual({ any: false, names: [] });
      await rollbackOne(url, new TypeOrmLedger(), all[3]!);
      expect((await schemaNames(client)).indexes).not.toContain('IDX_users_name');
      expect(await typeormPending(url, both)).toEqual({ any: true, names: ['UsersNameIndex1795500000000'] });
      // TypeORM runs it again itself, given --transaction each
      const ran = await withTypeOrm(url, (ds) => ds.runMigrations({ transaction: 'each' }), both);
      expect(ran.map((m) => m.name)).toEqual(['UsersNameIndex1795500000000']);
    });
  });
  it('writes to a renamed ledger in another schema, where TypeORM configured the same way looks', async () => {
    const config = { migrationsTableName: 'app_migrations', schema: 'ops' };
    const renamed = await readTypeOrmMigrations({ migrations: [GLOB], ...config });
    await withDatabase('dbm_typeorm_renamed', async (url, client) => {
      await applyPending(url, new TypeOrmLedger(config), renamed);
      const ds = new DataSource({ type: 'postgres', url, migrations: [GLOB], logging: false, ...config });
      await ds.initialize();
      try {
        expect(await ds.showMigrations()).toBe(false);
      } finally {
        await ds.destroy();
      }
      expect((await client.query(`SELECT name FROM ops.app_migrations ORDER BY id`)).rows.map((r: { name: string }) => r.name)).toEqual(
        renamed.map((s) => s.name),
      );
    });
  });
});

describe('typeorm: TypeORM applies, dbm agrees', () => {
  it('reads a row for every source, by name', async () => {
    const sources = await readTypeOrmMigrations({ migrations: [GLOB] });
    await withDatabase('dbm_typeorm_own', async (url, client) => {
      await withTypeOrm(url, (ds) => ds.runMigrations());
      expect((await new TypeOrmLedger().read(client)).map((r) => r.name)).toEqual(sources.map((s) => s.name));
      expect(await applyPending(url, new TypeOrmLedger(), sources)).toEqual([]);
    });
  });
});

describe('typeorm: rollback through the runner', () => {
  for (const appliedBy of ['dbm', 'typeorm'] as const) {
    it(`leaves exactly the rolled-back migration pending, its schema gone (applied by ${appliedBy})`, async () => {
      const sources = await readTypeOrmMigrations({ migrations: [GLOB] });
      const [, orders, last] = sources as [MigrationSource, MigrationSource, MigrationSource];
      await withDatabase('dbm_typeorm_down', async (url, client) => {
        if (appliedBy === 'dbm') await applyPending(url, new TypeOrmLedger(), sources);
        else await withTypeOrm(url, (ds) => ds.runMigrations());
        expect((await schemaNames(client)).columns).toContain('users.status');

        await rollbackOne(url, new TypeOrmLedger(), last);
        expect(await typeormPending(url)).toEqual({ any: true, names: [last.name] });
        expect((await schemaNames(client)).columns).not.toContain('users.status');

        await rollbackOne(url, new TypeOrmLedger(), orders);
        expect((await typeormPending(url)).names).toEqual([orders.name, last.name]);
        const after = await schemaNames(client);
        expect(after.tables).not.toContain('orders');
        expect(after.indexes).not.toContain('orders_user_id_idx');

        // TypeORM can take it from here, and revert what it applied on its own
        const ran = await withTypeOrm(url, (ds) => ds.runMigrations());
        expect(ran.map((m) => m.name)).toEqual([orders.name, last.name]);
        await withTypeOrm(url, (ds) => ds.undoLastMigration());
        expect((await new TypeOrmLedger().read(client)).map((r) => r.name)).toEqual([sources[0]!.name, orders.name]);
      });
    });
  }
});

describe('typeorm: lock_timeout', () => {
  it('is set on the QueryRunner the migration runs on (with statement_timeout)', async () => {
    const [settings] = await readTypeOrmMigrations({ cwd: PROJECT, migrations: 'settings' });
    await withDatabase('dbm_typeorm_settings', async (url, client) => {
      await new TypeOrmLedger().ensure(client);
      await settings!.runner!.up({ url, lockTimeout: '1234ms', statementTimeout: '1min', batch: 0 });
      expect((await client.query('SELECT * FROM seen_settings')).rows).toEqual([{ lock_timeout: '1234ms', statement_timeout: '1min' }]);
    });
  });

  it('makes a migration fail fast with 55P03 when a table it needs is locked, leaving no row', async () => {
    const sources = await readTypeOrmMigrations({ migrations: [GLOB] });
    await withDatabase('dbm_typeorm_lock', async (url, client) => {
      const ledger = new TypeOrmLedger();
      await applyPending(url, ledger, sources.slice(0, 2));
      const holder = await connect(new URL(url).pathname.slice(1));
      try {
        await holder.query('BEGIN');
        await holder.query('LOCK TABLE users IN ACCESS SHARE MODE');
        const started = Date.now();
        const err = (await applyPending(url, ledger, sources, '300ms').catch((e: unknown) => e)) as { code?: string; message: string };
        expect(Date.now() - started).toBeLessThan(5000);
        expect(err.code).toBe('55P03');
        expect(err.message).toContain(sources[2]!.name);
      } finally {
        await holder.query('ROLLBACK').catch(() => undefined);
        await holder.end();
      }
      expect((await ledger.read(client)).map((r) => r.name)).toEqual(sources.slice(0, 2).map((s) => s.name));
      await applyPending(url, ledger, sources);
      expect((await typeormPending(url)).any).toBe(false);
    });
  });
});

describe('typeorm: a failing migration', () => {
  it('leaves no trace: no table, no row; the error names the migration', async () => {
    const sources = await readTypeOrmMigrations({ cwd: PROJECT, migrations: 'failing' });
    await withDatabase('dbm_typeorm_fail', async (url, client) => {
      const ledger = new TypeOrmLedger();
      const err = (await applyPending(url, ledger, sources).catch((e: unknown) => e)) as { code?: string; message: string };
      expect(err.message).toContain('Broken1795400000000');
      expect(err.message).toContain('no_such_table');
      expect(err.code).toBe('42P01');
      expect((await schemaNames(client)).tables).toEqual(['migrations']);
      expect(await ledger.read(client)).toEqual([]);
    });
  });
});

describe('typeorm: render matches what TypeORM runs', () => {
  it('renders exactly the statements the migrations send', async () => {
    const sources = await readTypeOrmMigrations({ migrations: [GLOB] });
    const rendered = (await Promise.all(sources.map((s) => s.runner!.render!('up')))).flat();
    await withDatabase('dbm_typeorm_render', async (url) => {
      const sent: string[] = [];
      const ds = new DataSource({
        type: 'postgres',
        url,
        migrations: [GLOB],
        logging: ['query'],
        logger: { logQuery: (q: string) => void sent.push(q), logQueryError() {}, logQuerySlow() {}, logSchemaBuild() {}, logMigration() {}, log() {} },
      });
      await ds.initialize();
      try {
        await ds.runMigrations();
      } finally {
        await ds.destroy();
      }
      const own = /"migrations"|information_schema|current_schema|version\(\)|^(START TRANSACTION|COMMIT|ROLLBACK)/i;
      expect(sent.filter((s) => !own.test(s))).toEqual(rendered);
    });
  });
});
