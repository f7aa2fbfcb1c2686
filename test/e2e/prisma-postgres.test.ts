/**
 * examples/prisma-postgres end to end on the real PostgreSQL server, through the built `dbm` binary:
 * detect, status, apply, Prisma's own schema engine agreeing, a schema edit, generate (safe by lint),
 * apply, rollback, status again, the data untouched, and bad input that must change nothing.
 * Each scenario works on its own copy of the example and its own database.
 */
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { openPrismaEngine } from '../../packages/adapters/src/prisma/engine.js';
import { prismaMigrationsList } from '../../packages/adapters/src/prisma/migrations-list.js';
import { dropDatabase, freshDatabase, urlOf } from '../executor/db.js';
import { show, type Run } from '../support/run.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXAMPLE = join(repo, 'examples', 'prisma-postgres');
const BIN = join(repo, 'packages', 'cli', 'bin', 'dbm.js');
const LONG = 300_000;


/** Runs dbm in `cwd` with exactly the DATABASE_URL given (none when undefined). */
async function dbm(cwd: string, args: string[], url: string | undefined): Promise<Run> {
  const r = await execa(process.execPath, [BIN, ...args], {
    cwd,
    reject: false,
    timeout: 240_000,
    env: { NO_COLOR: '1', FORCE_COLOR: undefined, DATABASE_URL: url },
    extendEnv: true,
  });
  return { code: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}


/** A copy of the example (its installed packages linked, as in a checkout), removed after the test. */
async function copyExample(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dbm-e2e-prisma-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  await cp(EXAMPLE, dir, { recursive: true, filter: (src) => !src.includes('node_modules') && !src.includes(join('src', 'generated')) });
  await symlink(join(EXAMPLE, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** A fresh database, dropped after the test. */
async function database(): Promise<{ name: string; url: string }> {
  const name = await freshDatabase('dbm_e2e_prisma');
  onTestFinished(() => dropDatabase(name));
  return { name, url: urlOf(name) };
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

/** Every table and column of the public schema: to show a failed command changed nothing. */
async function catalog(url: string): Promise<string[]> {
  const rows = await query<{ c: string }>(url, `SELECT table_name || '.' || column_name AS c FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1`);
  return rows.map((r) => r.c);
}

/** Row count and md5 of the given columns of a table, ordered by id. */
async function checksum(url: string, table: string, columns: string[]): Promise<string> {
  const row = `row(${columns.map((c) => `t."${c}"`).join(', ')})::text`;
  const [r] = await query<{ n: string; sum: string }>(url, `SELECT count(*) AS n, md5(string_agg(${row}, '|' ORDER BY t.id)) AS sum FROM "${table}" t`);
  return `${r!.n} rows, md5 ${r!.sum}`;
}

const migrationsOf = async (dir: string) =>
  (await readdir(join(dir, 'prisma', 'migrations'), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();

/** What `prisma migrate status` and `prisma migrate diff` are built on: the engine's view of the database. */
async function prismaView(url: string, dir: string) {
  const schema = await readFile(join(dir, 'prisma', 'schema.prisma'), 'utf8');
  const files = [{ path: 'prisma/schema.prisma', content: schema }];
  const prisma = await openPrismaEngine(url, { schemaFiles: files });
  try {
    const filters = { externalTables: [], externalEnums: [] };
    const diagnosis = await prisma.engine.diagnoseMigrationHistory({
      migrationsList: await prismaMigrationsList(join(dir, 'prisma', 'migrations')),
      optInToShadowDatabase: false,
      filters,
    });
    // the database against schema.prisma: empty when the migrations dbm applied built exactly that schema
    const drift = await prisma.engine.diff({ from: { tag: 'schemaDatasource', files, configDir: dir }, to: { tag: 'schemaDatamodel', files }, script: true, exitCode: null, filters });
    return { diagnosis, drift: drift.stdout ?? '' };
  } finally {
    await prisma.close();
  }
}

const EXAMPLE_MIGRATIONS = 5;
const SEED = `
  INSERT INTO users (email, name) SELECT 'user' || g || '@shop.test', 'User ' || g FROM generate_series(1, 50) g;
  INSERT INTO products (sku, name, price_cents) SELECT 'SKU-' || g, 'Product ' || g, g * 100 FROM generate_series(1, 20) g;
  INSERT INTO orders (user_id, product_id, quantity, total_cents, status)
    SELECT 1 + g % 50, 1 + g % 20, 1 + g % 3, (1 + g % 3) * (1 + g % 20) * 100, (ARRAY['pending', 'paid', 'shipped'])[1 + g % 3]::"OrderStatus"
    FROM generate_series(1, 200) g;`;

/** Replaces `from` (which must be there) with `to`. */
function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`the example schema changed: cannot find ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

/**
 * The schema edit: users.status NOT NULL with a default, an index on the existing orders table, and a
 * foreign key from the existing orders table (orders.referrer_id → users). Two relations between User
 * and Order need names; naming them changes no SQL.
 */
function editSchema(schema: string): string {
  let s = edit(schema, '  name      String?\n', '  name      String?\n  status    String   @default("active")\n');
  s = edit(s, '  orders    Order[]\n', '  orders    Order[]  @relation("buyer")\n  referred  Order[]  @relation("referrer")\n');
  s = edit(s, '  user       User        @relation(fields: [userId], references: [id])\n', '  user       User        @relation("buyer", fields: [userId], references: [id])\n');
  s = edit(s, '  status     OrderStatus @default(pending)\n', '  status     OrderStatus @default(pending)\n  referrerId Int?        @map("referrer_id")\n  referrer   User?       @relation("referrer", fields: [referrerId], references: [id])\n');
  return edit(s, '  @@index([status, createdAt])\n', '  @@index([status, createdAt])\n  @@index([productId])\n');
}

describe('examples/prisma-postgres: detect → status → apply → generate → apply → rollback', () => {
  let dir: string;
  let url: string;
  let name: string;
  let before: { products: string; users: string; orders: string };
  let generated: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dbm-e2e-prisma-'));
    await cp(EXAMPLE, dir, { recursive: true, filter: (src) => !src.includes('node_modules') && !src.includes(join('src', 'generated')) });
    await symlink(join(EXAMPLE, 'node_modules'), join(dir, 'node_modules'), 'dir');
    name = await freshDatabase('dbm_e2e_prisma');
    url = urlOf(name);
  }, LONG);

  afterAll(async () => {
    await dropDatabase(name).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });

  it('detect names Prisma, PostgreSQL, the schema, config and migrations, with the evidence (human and --json)', async () => {
    const human = await dbm(dir, ['detect'], url);
    expect(human.code, show(human)).toBe(0);
    expect(human.stdout).toContain('prisma (postgresql)');
    expect(human.stdout).toMatch(/migrations\s+\S*prisma\/migrations/);
    expect(human.stdout).toMatch(/schema\s+\S*prisma\/schema\.prisma/);
    expect(human.stdout).toMatch(/config\s+\S*prisma\.config\.ts/);
    expect(human.stdout).toContain('$DATABASE_URL');
    expect(human.stdout).toContain('package.json depends on prisma');
    const json = await dbm(dir, ['detect', '--json'], url);
    expect(json.code, show(json)).toBe(0);
    const p = JSON.parse(json.stdout);
    expect(p).toMatchObject({
      orm: 'prisma',
      dialect: 'postgresql',
      migrationsDir: join(dir, 'prisma', 'migrations'),
      schemaPath: join(dir, 'prisma', 'schema.prisma'),
      configPath: join(dir, 'prisma.config.ts'),
      url: { env: 'DATABASE_URL' },
    });
    expect(p.evidence).toEqual(expect.arrayContaining(['package.json depends on prisma', 'package.json depends on @prisma/client', 'prisma.config.ts', 'prisma/schema.prisma']));
    expect(p.evidence.join('\n')).toContain('datasource provider "postgresql" in prisma/schema.prisma');
  }, LONG);

  it('status shows every migration pending (exit 2); generate with an unchanged schema writes nothing', async () => {
    const r = await dbm(dir, ['status', '--json'], url);
    expect(r.code, show(r)).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.counts.pending).toBe(EXAMPLE_MIGRATIONS);
    expect(report.migrations.map((m: { name: string }) => m.name)).toEqual(await migrationsOf(dir));
    const same = await dbm(dir, ['generate', 'nothing_new'], url);
    expect(same.code, show(same)).toBe(0);
    expect(same.stdout).toContain('no changes');
    expect(await migrationsOf(dir)).toHaveLength(EXAMPLE_MIGRATIONS);
  }, LONG);

  it('apply applies them; status is clean (exit 0) and Prisma agrees: nothing pending, failed or edited, no drift', async () => {
    const r = await dbm(dir, ['apply'], url);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toContain(`applied ${EXAMPLE_MIGRATIONS} migrations`);
    const status = await dbm(dir, ['status'], url);
    expect(status.code, show(status)).toBe(0);
    expect(status.stdout).toContain(`${EXAMPLE_MIGRATIONS} applied, 0 pending`);
    const prisma = await prismaView(url, dir);
    expect(prisma.diagnosis.failedMigrationNames).toEqual([]);
    expect(prisma.diagnosis.editedMigrationNames).toEqual([]);
    expect(prisma.diagnosis.history).toBeNull();
    expect(prisma.drift.trim()).toBe('-- This is an empty migration.');
    // the CONCURRENTLY index of the example is there and valid
    const [idx] = await query<{ valid: boolean }>(url, `SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = 'orders_status_created_at_idx'::regclass`);
    expect(idx?.valid).toBe(true);
    await query(url, SEED);
    before = {
      products: await checksum(url, 'products', ['id', 'sku', 'name', 'price_cents']),
      users: await checksum(url, 'users', ['id', 'email', 'name', 'created_at']),
      orders: await checksum(url, 'orders', ['id', 'user_id', 'product_id', 'quantity', 'total_cents', 'status', 'created_at']),
    };
  }, LONG);

  it('generate after a schema edit writes Prisma migration folders in their safe form and says what it changed', async () => {
    const schemaPath = join(dir, 'prisma', 'schema.prisma');
    const edited = editSchema(await readFile(schemaPath, 'utf8'));
    expect(edited).toContain('referrerId');
    await writeFile(schemaPath, edited);
    const existing = await migrationsOf(dir);
    const r = await dbm(dir, ['generate', 'status_and_referrer'], url);
    expect(r.code, show(r)).toBe(0);
    generated = (await migrationsOf(dir)).filter((m) => !existing.includes(m));
    expect(generated.length).toBeGreaterThan(1);
    expect(generated[0]).toMatch(/^\d{14}_status_and_referrer$/);
    generated.slice(1).forEach((m, i) => expect(m).toMatch(new RegExp(`^\\d{14}_status_and_referrer_${i + 2}$`)));
    expect(generated.every((m) => m > existing[existing.length - 1]!)).toBe(true);
    // the output says what the safety pass changed, and why
    expect(r.stdout).toContain('the safety pass changed:');
    expect(r.stdout).toMatch(/CONCURRENTLY/);
    expect(r.stdout).toMatch(/NOT VALID/);
    expect(r.stdout).toMatch(/lock_timeout/);
    const sql = await Promise.all(generated.map((m) => readFile(join(dir, 'prisma', 'migrations', m, 'migration.sql'), 'utf8')));
    const all = sql.join('\n');
    // Prisma's own statements, kept in Prisma's layout where the safety pass left them alone
    expect(all).toContain('-- AlterTable\nALTER TABLE "users" ADD COLUMN     "status" TEXT NOT NULL DEFAULT \'active\';');
    // the index on an existing table: CONCURRENTLY, alone in its migration (Prisma runs a file as one transaction)
    const index = sql.find((s) => s.includes('CREATE INDEX CONCURRENTLY "orders_product_id_idx"'));
    expect(index).toBeDefined();
    expect(index!.replace(/^--.*$/gm, '').trim().split(';').filter((s) => s.trim())).toHaveLength(1);
    // the foreign key on an existing table: NOT VALID, then VALIDATE in a later migration
    const add = sql.findIndex((s) => /ADD CONSTRAINT "orders_referrer_id_fkey" FOREIGN KEY[^;]*NOT VALID;/.test(s));
    const validate = sql.findIndex((s) => s.includes('VALIDATE CONSTRAINT "orders_referrer_id_fkey"'));
    expect(add).toBeGreaterThanOrEqual(0);
    expect(validate).toBeGreaterThan(add);
    // a reviewed down.sql beside each migration that can be undone
    const downs = await Promise.all(generated.map((m) => readFile(join(dir, 'prisma', 'migrations', m, 'down.sql'), 'utf8').catch(() => '')));
    expect(downs.join('\n')).toContain('ALTER TABLE "users" DROP COLUMN "status";');
    expect(downs.join('\n')).toContain('DROP INDEX CONCURRENTLY "orders_product_id_idx";');
    // nothing else: the lock file stays as it was
    expect(await readFile(join(dir, 'prisma', 'migrations', 'migration_lock.toml'), 'utf8')).toBe('# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n');
  }, LONG);

  it('the generated migrations are safe by dbm lint (no error)', async () => {
    const folders = generated.map((m) => join('prisma', 'migrations', m));
    const r = await dbm(dir, ['lint', ...folders, '--json'], url);
    const report = JSON.parse(r.stdout);
    expect(report.summary.errors, show(r)).toBe(0);
    expect(report.summary.files).toBeGreaterThanOrEqual(generated.length);
    expect(r.code, show(r)).toBe(0);
  }, LONG);

  it('status shows the new migrations pending; apply runs them; Prisma agrees again', async () => {
    const pending = await dbm(dir, ['status', '--json'], url);
    expect(pending.code, show(pending)).toBe(2);
    const report = JSON.parse(pending.stdout);
    expect(report.migrations.filter((m: { state: string }) => m.state === 'pending').map((m: { name: string }) => m.name)).toEqual(generated);
    const r = await dbm(dir, ['apply'], url);
    expect(r.code, show(r)).toBe(0);
    expect((await dbm(dir, ['status'], url)).code).toBe(0);
    const prisma = await prismaView(url, dir);
    expect(prisma.diagnosis.failedMigrationNames).toEqual([]);
    expect(prisma.diagnosis.editedMigrationNames).toEqual([]);
    expect(prisma.diagnosis.history).toBeNull();
    expect(prisma.drift.trim()).toBe('-- This is an empty migration.');
    const [fk] = await query<{ validated: boolean }>(url, `SELECT convalidated AS validated FROM pg_constraint WHERE conname = 'orders_referrer_id_fkey'`);
    expect(fk?.validated).toBe(true);
    const [users] = await query<{ n: string }>(url, `SELECT count(*) AS n FROM users WHERE status = 'active'`);
    expect(users?.n).toBe('50');
    expect(await checksum(url, 'products', ['id', 'sku', 'name', 'price_cents'])).toBe(before.products);
    expect(await checksum(url, 'users', ['id', 'email', 'name', 'created_at'])).toBe(before.users);
    expect(await checksum(url, 'orders', ['id', 'user_id', 'product_id', 'quantity', 'total_cents', 'status', 'created_at'])).toBe(before.orders);
  }, LONG);

  it('rollback undoes them; status shows them pending again (exit 2); the data is unchanged', async () => {
    const r = await dbm(dir, ['rollback', '--steps', String(generated.length)], url);
    expect(r.code, show(r)).toBe(0);
    const status = await dbm(dir, ['status', '--json'], url);
    expect(status.code, show(status)).toBe(2);
    const report = JSON.parse(status.stdout);
    expect(report.migrations.filter((m: { state: string }) => m.state === 'pending').map((m: { name: string }) => m.name)).toEqual(generated);
    expect(report.counts.applied).toBe(EXAMPLE_MIGRATIONS);
    const columns = await catalog(url);
    expect(columns).not.toContain('users.status');
    expect(columns).not.toContain('orders.referrer_id');
    expect(await query(url, `SELECT 1 FROM pg_class WHERE relname = 'orders_product_id_idx'`)).toEqual([]);
    expect(await checksum(url, 'products', ['id', 'sku', 'name', 'price_cents'])).toBe(before.products);
    expect(await checksum(url, 'users', ['id', 'email', 'name', 'created_at'])).toBe(before.users);
    expect(await checksum(url, 'orders', ['id', 'user_id', 'product_id', 'quantity', 'total_cents', 'status', 'created_at'])).toBe(before.orders);
    // Prisma sees the same: exactly the rolled-back migrations are waiting to be applied
    const prisma = await prismaView(url, dir);
    expect(prisma.diagnosis.history).toMatchObject({ diagnostic: 'databaseIsBehind', unappliedMigrationNames: generated });
  }, LONG);
});

describe('examples/prisma-postgres: bad input gives a clear message, a non-zero exit, and changes nothing', () => {
  /** The example's migrations folders and the database's columns, to compare after a failed command. */
  async function snapshot(dir: string, url: string) {
    return { folders: await migrationsOf(dir).catch(() => []), columns: await catalog(url) };
  }

  it('a directory with no ORM', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dbm-e2e-no-orm-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'plain', dependencies: { express: '^5.0.0' } }));
    const db = await database();
    for (const args of [['detect'], ['status'], ['generate', 'x'], ['apply']]) {
      const r = await dbm(dir, args, db.url);
      expect(r.code, show(r)).toBe(2);
      expect(r.stderr).toContain('no ORM found');
      expect(r.stderr).toMatch(/--orm/);
    }
    expect(await readdir(dir)).toEqual(['package.json']);
    expect(await catalog(db.url)).toEqual([]);
  }, LONG);

  it('a package with two ORMs: both listed with their evidence, and how to choose', async () => {
    const dir = await copyExample();
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
    pkg.dependencies.knex = '3.3.0';
    await writeFile(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
    await writeFile(join(dir, 'knexfile.js'), "export default { client: 'pg', connection: process.env.DATABASE_URL };\n");
    const db = await database();
    const before = await snapshot(dir, db.url);
    for (const args of [['detect'], ['apply'], ['generate', 'x']]) {
      const r = await dbm(dir, args, db.url);
      expect(r.code, show(r)).toBe(2);
      expect(r.stderr).toContain('more than one ORM');
      expect(r.stderr).toMatch(/prisma: .*prisma\.config\.ts/);
      expect(r.stderr).toMatch(/knex: .*knexfile\.js/);
      expect(r.stderr).toContain('--orm');
    }
    expect(await snapshot(dir, db.url)).toEqual(before);
    // choosing one works
    const chosen = await dbm(dir, ['detect', '--orm', 'prisma'], db.url);
    expect(chosen.code, show(chosen)).toBe(0);
    expect(chosen.stdout).toContain('prisma (postgresql)');
  }, LONG);

  it('DATABASE_URL missing: detect still works, the database verbs say how to set it', async () => {
    const dir = await copyExample();
    const db = await database();
    const detect = await dbm(dir, ['detect'], undefined);
    expect(detect.code, show(detect)).toBe(0);
    for (const args of [['status'], ['apply'], ['rollback']]) {
      const r = await dbm(dir, args, undefined);
      expect(r.code, show(r)).toBe(2);
      expect(r.stderr).toContain('no database URL: set DATABASE_URL');
    }
    expect(await catalog(db.url)).toEqual([]);
    expect(await migrationsOf(dir)).toHaveLength(EXAMPLE_MIGRATIONS);
  }, LONG);

  it('DATABASE_URL wrong (port, database): a connection error that never prints the password', async () => {
    const dir = await copyExample();
    const db = await database();
    const password = 'Sup3r-s3cret-pw';
    const wrong = [new URL(urlOf(db.name)), new URL(urlOf(`${db.name}_missing`))];
    wrong[0]!.port = '1';
    for (const u of wrong) u.password = password;
    for (const u of wrong) {
      for (const args of [['status'], ['apply']]) {
        const r = await dbm(dir, args, u.toString());
        expect(r.code, show(r)).toBe(1);
        expect(`${r.stdout}\n${r.stderr}`).not.toContain(password);
        expect(r.stderr).toMatch(/^dbm: /);
        expect(r.stderr).not.toContain('internal error');
      }
    }
    expect(await catalog(db.url)).toEqual([]);
  }, LONG);

  it('a broken schema.prisma: Prisma\'s own message naming the file, for every verb; nothing written', async () => {
    const dir = await copyExample();
    const db = await database();
    const schemaPath = join(dir, 'prisma', 'schema.prisma');
    await writeFile(schemaPath, (await readFile(schemaPath, 'utf8')).replace('  email     String   @unique', '  email     Strin    @unique'));
    const before = await snapshot(dir, db.url);
    for (const args of [['detect'], ['status'], ['apply'], ['generate', 'x']]) {
      const r = await dbm(dir, args, db.url);
      expect(r.code, show(r)).not.toBe(0);
      expect(r.stderr).toContain('prisma/schema.prisma');
      expect(r.stderr).toContain('Type "Strin" is neither a built-in type');
      expect(r.stderr).toMatch(/prisma\/schema\.prisma:\d+/);
      expect(r.stderr).not.toContain('internal error');
      expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
    }
    expect(await snapshot(dir, db.url)).toEqual(before);
  }, LONG);
});
