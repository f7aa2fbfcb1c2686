// dbm and knex agree, end to end: dbm status/apply/rollback through the built CLI against knex's own
// migrator (what `knex migrate:list` and `knex migrate:latest` run).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ormPackage, registerTypeScriptLoader } from './orm-packages.js';
import { agreementSuite, type OrmView } from './suite.js';

const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'packages', 'adapters', 'src', 'knex', 'testdata', 'migrations');
const NAMES = ['20240101120000_create_users.cjs', '20240102120000_create_orders.ts', '20240103120000_add_user_status.js'] as const;

/** The part of knex these tests use. */
interface Knex {
  readonly migrate: {
    list(config: { directory: string }): Promise<[{ name: string }[], { file: string }[]]>;
    latest(config: { directory: string }): Promise<[number, string[]]>;
  };
  destroy(): Promise<void>;
}

async function withKnex<T>(url: string, work: (db: Knex) => Promise<T>): Promise<T> {
  const knex = ormPackage<(config: { client: 'pg'; connection: string }) => Knex>('knex');
  const db = knex({ client: 'pg', connection: url });
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

/** `knex migrate:list`: completed and pending; a completed migration without its file is a problem. */
async function knexStatus(url: string): Promise<OrmView> {
  const [completed, pending] = await withKnex(url, (db) => db.migrate.list({ directory: MIGRATIONS }));
  const files = new Set<string>(NAMES);
  return {
    pending: pending.map((p) => p.file),
    problems: completed.filter((c) => !files.has(c.name)).map((c) => `completed, but no file: ${c.name}`),
  };
}

/** `knex migrate:latest`: the names of the batch it ran. */
async function knexLatest(url: string): Promise<string[]> {
  const [, log] = await withKnex(url, (db) => db.migrate.latest({ directory: MIGRATIONS }));
  return log;
}

agreementSuite({
  orm: 'knex',
  dir: MIGRATIONS,
  names: [...NAMES],
  ledger: 'public.knex_migrations',
  ledgerTables: ['public.knex_migrations', 'public.knex_migrations_lock'],
  users: { table: 'users', columns: ['id', 'email', 'name', 'created_at', 'updated_at'] },
  orders: 'orders',
  seed: `
    INSERT INTO users (email, name, status) SELECT 'user' || g || '@example.test', 'User ' || g, 'vip' FROM generate_series(1, 40) g;
    INSERT INTO orders (user_id, total) SELECT 1 + g % 40, g * 1.25 FROM generate_series(1, 120) g;`,
  last: { columns: ['users.status'], indexes: ['users_status_idx'] },
  // `exports.config = { transaction: false }`: knex runs it outside a transaction (it has CREATE INDEX CONCURRENTLY)
  outsideTransaction: ['20240103120000_add_user_status.js'],
  own: { label: 'knex migrate', setup: registerTypeScriptLoader, status: knexStatus, apply: knexLatest },
});
