// dbm and TypeORM agree, end to end: dbm status/apply/rollback through the built CLI against TypeORM's own
// MigrationExecutor (what `typeorm migration:show` and `typeorm migration:run` run).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { dbm, json, requireBuiltCli, show } from './cli.js';
import { freshDatabase, publicIndexes, urlOf, withDb } from './db.js';
import { ormPackage, registerTypeScriptLoader } from './orm-packages.js';
import { agreementSuite, type OrmView } from './suite.js';

const TESTDATA = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'packages', 'adapters', 'src', 'typeorm', 'testdata');
const MIGRATIONS = join(TESTDATA, 'migrations');

/** The part of TypeORM these tests use. */
interface DataSource {
  initialize(): Promise<unknown>;
  destroy(): Promise<void>;
  showMigrations(): Promise<boolean>;
  runMigrations(options?: { transaction?: 'all' | 'none' | 'each' }): Promise<{ name: string }[]>;
}
interface TypeOrm {
  DataSource: new (options: { type: 'postgres'; url: string; migrations: string[]; logging: boolean }) => DataSource;
  MigrationExecutor: new (ds: DataSource) => { getPendingMigrations(): Promise<{ name: string }[]> };
}

/** A DataSource on `url` with the fixture's migrations, as the project's data-source file would declare it. */
async function withDataSource<T>(url: string, work: (ds: DataSource, typeorm: TypeOrm) => Promise<T>, migrations = [join(MIGRATIONS, '*.ts')]): Promise<T> {
  const typeorm = ormPackage<TypeOrm>('typeorm');
  const ds = new typeorm.DataSource({ type: 'postgres', url, migrations, logging: false });
  await ds.initialize();
  try {
    return await work(ds, typeorm);
  } finally {
    await ds.destroy();
  }
}

/** `typeorm migration:show`: whether anything is pending (its answer), and which. */
async function typeormStatus(url: string, migrations?: string[]): Promise<OrmView> {
  return withDataSource(
    url,
    async (ds, typeorm) => {
      const any = await ds.showMigrations();
      const pending = (await new typeorm.MigrationExecutor(ds).getPendingMigrations()).map((m) => m.name);
      return { pending, problems: any === pending.length > 0 ? [] : [`showMigrations() said ${any} with ${pending.length} pending`] };
    },
    migrations,
  );
}

/** `typeorm migration:run`: the names it ran. */
async function typeormRun(url: string): Promise<string[]> {
  return withDataSource(url, async (ds) => (await ds.runMigrations()).map((m) => m.name));
}

agreementSuite({
  orm: 'typeorm',
  dir: MIGRATIONS,
  names: ['CreateUsers1795307139205', 'CreateOrders1795307149241', 'AddUserStatus1795307172994'],
  ledger: 'public.migrations',
  users: { table: 'users', columns: ['id', 'email', 'name'] },
  orders: 'orders',
  seed: `
    INSERT INTO users (email, name, status) SELECT 'user' || g || '@example.test', 'User ' || g, 'vip' FROM generate_series(1, 40) g;
    INSERT INTO orders (user_id, total) SELECT 1 + g % 40, g * 1.25 FROM generate_series(1, 120) g;`,
  last: { columns: ['users.status'], indexes: [] },
  own: { label: "TypeORM's MigrationExecutor", setup: registerTypeScriptLoader, status: typeormStatus, apply: typeormRun },
});

describe('typeorm: a class with `transaction = false` (CREATE INDEX CONCURRENTLY), through the dbm CLI', { timeout: 180_000 }, () => {
  const NO_TX = 'UsersNameIndex1795500000000';
  const both = [join(MIGRATIONS, '*.ts'), join(TESTDATA, 'concurrently', '*.ts')];
  const dir = join(TESTDATA, '{migrations,concurrently}', '*.ts');

  beforeAll(async () => {
    requireBuiltCli();
    await registerTypeScriptLoader();
  });

  it('the dry run shows it outside a transaction, dbm runs it outside one, and TypeORM (--transaction each) agrees', async () => {
    const db = await freshDatabase('dbm_agree_typeorm_notx');
    const project = ['--orm', 'typeorm', '--dir', dir, '--url', urlOf(db)];
    const dry = await dbm(['apply', '--dry-run', '--json', ...project]);
    expect(dry.code, show(dry)).toBe(0);
    const plan = json<{ migrations: { name: string; steps: { transactional: boolean }[] }[] }>(dry);
    expect(plan.migrations.map((m) => [m.name, m.steps.map((s) => s.transactional)])).toEqual([
      ['CreateUsers1795307139205', [true]],
      ['CreateOrders1795307149241', [true]],
      ['AddUserStatus1795307172994', [true]],
      [NO_TX, [false]],
    ]);

    const apply = await dbm(['apply', ...project]);
    expect(apply.code, show(apply)).toBe(0);
    expect(apply.stdout).toContain('applied 4 migrations');
    expect(await withDb(db, async (c) => (await c.query(`SELECT indisvalid FROM pg_index WHERE indexrelid = '"IDX_users_name"'::regclass`)).rows)).toEqual([
      { indisvalid: true },
    ]);
    expect(await typeormStatus(urlOf(db), both)).toEqual({ pending: [], problems: [] });

    const rollback = await dbm(['rollback', ...project]);
    expect(rollback.code, show(rollback)).toBe(0);
    expect(rollback.stdout).toContain(`rolled back 1 migration: ${NO_TX}`);
    expect(await withDb(db, publicIndexes)).not.toContain('IDX_users_name');
    expect(await typeormStatus(urlOf(db), both)).toEqual({ pending: [NO_TX], problems: [] });
    const ran = await withDataSource(urlOf(db), (ds) => ds.runMigrations({ transaction: 'each' }), both);
    expect(ran.map((m) => m.name)).toEqual([NO_TX]);
    const status = await dbm(['status', ...project]);
    expect(status.code, show(status)).toBe(0);
  });
});
