// dbm and drizzle agree, end to end: dbm status/apply/rollback through the built CLI against drizzle-orm's
// own migrator (what `drizzle-kit migrate` runs). drizzle has no status command: what it sees pending is
// what its migrator runs, so that is asked on a copy of the database, which is then dropped.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { drizzleMigrate, FIXTURE_FOLDER } from '../../packages/adapters/src/drizzle/drizzle.testkit.js';
import { connect, dropDatabase, freshDatabase, urlOf } from './db.js';
import { agreementSuite, type OrmView } from './suite.js';

/** Each migration's statements, as the migrator splits and sends them. */
const STATEMENTS = readdirSync(FIXTURE_FOLDER)
  .filter((f) => f.endsWith('.sql') && !f.endsWith('.down.sql'))
  .sort()
  .map((f) => ({
    name: f.replace(/\.sql$/, ''),
    statements: readFileSync(join(FIXTURE_FOLDER, f), 'utf8')
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .filter(Boolean),
  }));

/** Runs drizzle's migrator on the database at `url`; the migrations whose statements it sent. */
async function migrate(url: string): Promise<string[]> {
  const client = await connect(url);
  try {
    const sent = new Set(await drizzleMigrate(client, FIXTURE_FOLDER));
    return STATEMENTS.filter((m) => m.statements.some((s) => sent.has(s))).map((m) => m.name);
  } finally {
    await client.end();
  }
}

/** What drizzle would run next: its migrator, run on a copy of the database. */
async function drizzleStatus(url: string): Promise<OrmView> {
  const copy = await freshDatabase('dbm_agree_drizzle_copy', new URL(url).pathname.slice(1));
  try {
    return { pending: await migrate(urlOf(copy)), problems: [] };
  } catch (e) {
    return { pending: [], problems: [(e as Error).message] };
  } finally {
    await dropDatabase(copy);
  }
}

agreementSuite({
  orm: 'drizzle',
  dir: FIXTURE_FOLDER,
  names: ['0000_users', '0001_orders', '0002_display_name'],
  ledger: 'drizzle.__drizzle_migrations',
  ledgerSchema: 'drizzle',
  users: { table: 'users', columns: ['id', 'email', 'created_at'] },
  orders: 'orders',
  seed: `
    INSERT INTO users (email, display_name) SELECT 'user' || g || '@example.test', 'User ' || g FROM generate_series(1, 40) g;
    INSERT INTO orders (user_id, total) SELECT 1 + g % 40, g * 13 FROM generate_series(1, 120) g;`,
  last: { columns: ['users.display_name'], indexes: [] },
  own: { label: "drizzle's migrator", status: drizzleStatus, apply: migrate },
});
