/**
 * examples/drizzle-postgres end to end, through the built `dbm` binary on the real PostgreSQL server:
 * detect, status, apply (and drizzle's own migrator agrees), a schema edit, generate (safe by lint),
 * apply, rollback, status — with the data of the shop unchanged — and bad input that changes nothing.
 * Each scenario works on its own copy of the example and its own database.
 */
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { dropDatabase, freshDatabase, urlOf, withDb } from '../executor/db.js';
import { dbm, type Run } from './cli.js';

const EXAMPLE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples', 'drizzle-postgres');
const BREAKPOINT = '--> statement-breakpoint';

/** A copy of the example (its node_modules linked, so tsx, drizzle-orm and drizzle-kit resolve). */
async function exampleCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dbm-e2e-drizzle-'));
  for (const entry of await readdir(EXAMPLE)) {
    if (entry !== 'node_modules') await cp(join(EXAMPLE, entry), join(dir, entry), { recursive: true });
  }
  await symlink(join(EXAMPLE, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Every file of the app (relative path → content), node_modules aside: to prove nothing was written. */
async function files(dir: string, rel = ''): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(join(dir, rel), { withFileTypes: true })) {
    const path = join(rel, e.name);
    if (e.name === 'node_modules') continue;
    if (e.isDirectory()) Object.assign(out, await files(dir, path));
    else out[path] = await readFile(join(dir, path), 'utf8');
  }
  return out;
}

/** drizzle-orm's own migrator (what drizzle-kit migrate runs), in the app: the statements it sent. */
async function drizzleMigrate(app: string, url: string): Promise<string[]> {
  const script = join(app, '.drizzle-migrate.mjs');
  await writeFile(
    script,
    `import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
const sent = [];
await migrate(drizzle({ client, logger: { logQuery: (q) => void sent.push(q.trim()) } }), { migrationsFolder: './drizzle' });
await client.end();
console.log(JSON.stringify(sent));
`,
  );
  try {
    const r = await execa(process.execPath, [script], { cwd: app, env: { DATABASE_URL: url } });
    return JSON.parse(r.stdout) as string[];
  } finally {
    await rm(script);
  }
}

/** The statements of every migration file in the app. */
async function migrationStatements(app: string): Promise<Set<string>> {
  const dir = join(app, 'drizzle');
  const sqls = (await readdir(dir)).filter((f) => f.endsWith('.sql') && !f.endsWith('.down.sql'));
  const texts = await Promise.all(sqls.map((f) => readFile(join(dir, f), 'utf8')));
  return new Set(texts.flatMap((t) => t.split(BREAKPOINT).map((s) => s.trim())).filter(Boolean));
}

/** Row count and checksum of chosen columns of a table, ordered by id. */
async function checksum(c: pg.Client, table: string, columns: string): Promise<string> {
  const r = await c.query<{ n: string; sum: string | null }>(
    `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t.id)) AS sum FROM (SELECT ${columns} FROM "${table}") t`,
  );
  return `${r.rows[0]!.n}:${r.rows[0]!.sum}`;
}

const SHOP_DATA = {
  users: 'id, email, name, created_at',
  products: 'id, sku, name, price_cents',
  orders: 'id, user_id, total_cents, status, created_at',
};

async function shopChecksums(c: pg.Client): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [table, columns] of Object.entries(SHOP_DATA)) out[table] = await checksum(c, table, columns);
  return out;
}

/** The example's schema with users.country (NOT NULL, constant default), orders.product_id → products, and an index on orders.created_at. */
function editSchema(text: string): string {
  const edited = text
    .replace("  createdAt: timestamp('created_at').defaultNow().notNull(),\n});", "  createdAt: timestamp('created_at').defaultNow().notNull(),\n  country: varchar('country', { length: 2 }).notNull().default('NL'),\n});")
    .replace("    totalCents: integer('total_cents').notNull(),", "    productId: integer('product_id').references(() => products.id),\n    totalCents: integer('total_cents').notNull(),")
    .replace("(t) => [index('orders_user_id_idx').on(t.userId)]", "(t) => [index('orders_user_id_idx').on(t.userId), index('orders_created_at_idx').on(t.createdAt)]");
  if (edited.split('\n').length !== text.split('\n').length + 2 || !edited.includes('orders_created_at_idx')) throw new Error('the example schema changed: update editSchema');
  return edited;
}

const noStack = (r: Run) => expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at .*\.js:\d+/);

describe('examples/drizzle-postgres end to end', () => {
  let app: string;
  let db: string;
  let url: string;
  let env: Record<string, string>;
  let before: Record<string, string>;
  const run = (...args: string[]) => dbm(args, app, env);

  beforeAll(async () => {
    app = await exampleCopy();
    db = await freshDatabase('dbm_e2e_drizzle');
    url = urlOf(db);
    env = { DATABASE_URL: url };
  });
  afterAll(async () => {
    await dropDatabase(db);
    await rm(app, { recursive: true, force: true });
  });

  it('dbm detect names drizzle, PostgreSQL, the config, schema, migrations and DATABASE_URL, with the evidence', async () => {
    const human = await run('detect');
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^drizzle \(postgresql\) in \./);
    expect(human.stdout).toMatch(/migrations {2}drizzle\n/);
    expect(human.stdout).toMatch(/schema {6}src\/schema\.ts\n/);
    expect(human.stdout).toMatch(/config {6}drizzle\.config\.ts\n/);
    expect(human.stdout).toMatch(/database {4}\$DATABASE_URL\n/);
    expect(human.stdout).toMatch(/evidence .*package\.json depends on drizzle-kit and drizzle-orm; drizzle\.config\.ts/);
    const json = await run('detect', '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      orm: 'drizzle',
      dialect: 'postgresql',
      migrationsDir: join(app, 'drizzle'),
      schemaPath: join(app, 'src', 'schema.ts'),
      configPath: join(app, 'drizzle.config.ts'),
      url: { env: 'DATABASE_URL' },
    });
  });

  it('dbm status shows the three migrations pending (exit 2)', async () => {
    const r = await run('status');
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/· 0000_users {2}pending/);
    expect(r.stdout).toMatch(/· 0001_products_orders {2}pending/);
    expect(r.stdout).toMatch(/· 0002_order_status {2}pending/);
    expect(r.stdout).toContain('0 applied, 3 pending');
  });

  it("dbm apply runs them; status is clean; drizzle's own migrator agrees and does nothing", async () => {
    const r = await run('apply');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('applied 3 migrations');
    const status = await run('status', '--json');
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout).counts).toMatchObject({ applied: 3, pending: 0 });

    const sent = await drizzleMigrate(app, url);
    const statements = await migrationStatements(app);
    expect(sent.filter((s) => statements.has(s))).toEqual([]);
    const kit = await execa(process.execPath, [join(app, 'node_modules', 'drizzle-kit', 'bin.cjs'), 'migrate'], { cwd: app, env, reject: false });
    expect(kit.exitCode).toBe(0);
    expect(await withDb(db, async (c) => (await c.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations')).rows[0].n)).toBe(3);

    // the app itself runs on the result: a customer, a product, an order; then more rows to guard
    await execa(process.execPath, [join(app, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src/main.ts'], { cwd: app, env });
    await withDb(db, async (c) => {
      await c.query("INSERT INTO users (email, name) SELECT 'u' || g || '@shop.test', 'user ' || g FROM generate_series(1, 500) g");
      await c.query("INSERT INTO products (sku, name, price_cents) SELECT 'SKU-' || g, 'product ' || g, g * 10 FROM generate_series(1, 50) g");
      await c.query("INSERT INTO orders (user_id, total_cents, status) SELECT 1 + g % 500, g, CASE WHEN g % 3 = 0 THEN 'shipped' ELSE 'placed' END FROM generate_series(1, 2000) g");
      before = await shopChecksums(c);
    });
    expect(before.orders).toMatch(/^2001:/);
  });

  let tag: string;

  it('dbm generate after a schema edit writes the safe migration in drizzle-kit form and says what the safety pass changed', async () => {
    const schema = join(app, 'src', 'schema.ts');
    await writeFile(schema, editSchema(await readFile(schema, 'utf8')));
    const r = await run('generate', 'country_product');
    expect(r.code).toBe(0);
    tag = '0003_country_product';
    expect(r.stdout).toContain(`wrote drizzle/${tag}.sql`);
    expect(r.stdout).toContain(`wrote drizzle/${tag}.down.sql`);
    expect(r.stdout).toContain('wrote drizzle/meta/0003_snapshot.json');
    expect(r.stdout).toContain('the safety pass changed:');
    expect(r.stdout).toMatch(/foreign key orders_product_id_products_id_fk is added NOT VALID, then validated in a separate transaction/);
    expect(r.stdout).toMatch(/CREATE INDEX orders_created_at_idx runs CONCURRENTLY/);
    expect(r.stdout).toMatch(/must run outside a transaction .*drizzle-kit migrate/);
    expect(r.stdout).not.toMatch(/needs a plan/);

    const sql = await readFile(join(app, 'drizzle', `${tag}.sql`), 'utf8');
    expect(sql.split(BREAKPOINT).map((s) => s.trim())).toEqual([
      'ALTER TABLE "orders" ADD COLUMN "product_id" integer;',
      `ALTER TABLE "users" ADD COLUMN "country" varchar(2) DEFAULT 'NL' NOT NULL;`,
      'ALTER TABLE "orders" ADD CONSTRAINT "orders_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products" ("id") NOT VALID;',
      'ALTER TABLE "orders" VALIDATE CONSTRAINT "orders_product_id_products_id_fk";',
      'CREATE INDEX CONCURRENTLY "orders_created_at_idx" ON "orders" ("created_at");',
    ]);
    const journal = JSON.parse(await readFile(join(app, 'drizzle', 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string; idx: number }[] };
    expect(journal.entries.map((e) => e.tag)).toEqual(['0000_users', '0001_products_orders', '0002_order_status', tag]);

    // dbm lint finds no error in what was written
    const lint = await run('lint', `drizzle/${tag}.sql`, '--json');
    expect(lint.code).toBe(0);
    expect(JSON.parse(lint.stdout).summary.errors).toBe(0);
    // and the schema, the snapshot and drizzle-kit agree: drizzle-kit has nothing left to generate
    const kit = await execa(process.execPath, [join(app, 'node_modules', 'drizzle-kit', 'bin.cjs'), 'generate'], { cwd: app, env, reject: false });
    expect(kit.stdout).toContain('No schema changes');
    expect((await run('generate', 'again')).stdout).toContain('no changes');
  });

  it('dbm apply runs it (FK validated, index valid); products untouched; drizzle agrees again', async () => {
    const r = await run('apply');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('applied 1 migration');
    await withDb(db, async (c) => {
      const fk = await c.query("SELECT convalidated FROM pg_constraint WHERE conname = 'orders_product_id_products_id_fk'");
      expect(fk.rows).toEqual([{ convalidated: true }]);
      const idx = await c.query("SELECT x.indisvalid FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE i.relname = 'orders_created_at_idx'");
      expect(idx.rows).toEqual([{ indisvalid: true }]);
      expect((await c.query("SELECT count(*)::int AS n FROM users WHERE country = 'NL'")).rows[0].n).toBe(501);
      expect(await shopChecksums(c)).toEqual(before);
    });
    expect((await run('status')).code).toBe(0);
    const sent = await drizzleMigrate(app, url);
    expect(sent.filter((s) => s.includes('orders_created_at_idx') || s.includes('ADD COLUMN'))).toEqual([]);
  });

  it('dbm rollback undoes it with the down file; status shows it pending again (exit 2); the data is as before', async () => {
    const r = await run('rollback');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`rolled back 1 migration: ${tag}`);
    const status = await run('status');
    expect(status.code).toBe(2);
    expect(status.stdout).toMatch(new RegExp(`· ${tag} {2}pending`));
    expect(status.stdout).toContain('3 applied, 1 pending');
    await withDb(db, async (c) => {
      const columns = await c.query("SELECT column_name FROM information_schema.columns WHERE table_name IN ('users', 'orders') AND column_name IN ('country', 'product_id')");
      expect(columns.rows).toEqual([]);
      expect((await c.query("SELECT count(*)::int AS n FROM pg_class WHERE relname = 'orders_created_at_idx'")).rows[0].n).toBe(0);
      expect(await shopChecksums(c)).toEqual(before);
      // every column of every table, not only the ones the migration left alone
      expect(await checksum(c, 'users', '*')).toBe(await checksum(c, 'users', SHOP_DATA.users));
    });
  });
});

describe('examples/drizzle-postgres: bad input gets a clear message, a non-zero exit, and nothing written', () => {
  /** A copy of the example with a database of its own, both removed after the test. */
  async function scenario() {
    const app = await exampleCopy();
    const db = await freshDatabase('dbm_e2e_drizzle_bad');
    onTestFinished(async () => {
      await dropDatabase(db);
      await rm(app, { recursive: true, force: true });
    });
    return { app, db, url: urlOf(db), before: await files(app) };
  }

  const untouched = async (db: string) =>
    withDb(db, async (c) => (await c.query("SELECT count(*)::int AS n FROM pg_namespace WHERE nspname IN ('drizzle', 'dbm')")).rows[0].n);

  it('a drizzle.config.ts that does not parse: every verb names the file and the position', async () => {
    const { app, db, url, before } = await scenario();
    const config = join(app, 'drizzle.config.ts');
    await writeFile(config, (await readFile(config, 'utf8')).replace("dialect: 'postgresql',", "dialect: 'postgresql',,"));
    const broken = await files(app);
    for (const verb of [['detect'], ['status'], ['apply'], ['generate', 'x'], ['rollback']]) {
      const r = await dbm(verb, app, { DATABASE_URL: url });
      expect(r.code, verb.join(' ')).not.toBe(0);
      expect(r.stderr).toMatch(/^dbm: cannot load drizzle\.config\.ts: .*drizzle\.config\.ts:6:\d+/s);
      noStack(r);
    }
    expect(await files(app)).toEqual(broken);
    expect(Object.keys(broken)).toEqual(Object.keys(before));
    expect(await untouched(db)).toBe(0);
  });

  it('a schema.ts that does not parse: dbm generate names it, exit 1, no migration written', async () => {
    const { app, url } = await scenario();
    const schema = join(app, 'src', 'schema.ts');
    await writeFile(schema, `${await readFile(schema, 'utf8')}\nexport const broken = pgTable('broken', {\n  id: serial('id').primaryKey(),,\n});\n`);
    const broken = await files(app);
    const r = await dbm(['generate', 'broken'], app, { DATABASE_URL: url });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^dbm: cannot load the drizzle schema src\/schema\.ts: .*src\/schema\.ts:\d+:\d+/s);
    expect(r.stderr).toContain('nothing was written');
    noStack(r);
    expect(await files(app)).toEqual(broken);
  });

  it('DATABASE_URL missing: status, apply and rollback say to set it', async () => {
    const { app, before } = await scenario();
    for (const verb of ['status', 'apply', 'rollback']) {
      const r = await dbm([verb], app, { DATABASE_URL: '' });
      expect(r.code, verb).not.toBe(0);
      expect(r.stderr).toContain('dbm: no database URL: set DATABASE_URL');
      noStack(r);
    }
    expect(await files(app)).toEqual(before);
  });

  it('DATABASE_URL wrong (no such database, nothing listening): a clear message that never prints the password', async () => {
    const { app, db, before } = await scenario();
    const secret = 'Sup3rSecretPw';
    const wrong = [
      urlOf('dbm_e2e_no_such_database').replace('postgres@', `postgres:${secret}@`),
      `postgres://shop:${secret}@127.0.0.1:1/${db}`,
    ];
    for (const url of wrong) {
      for (const verb of ['status', 'apply']) {
        const r = await dbm([verb], app, { DATABASE_URL: url });
        expect(r.code, `${verb} ${url.replace(secret, '***')}`).toBe(1);
        expect(r.stderr).toMatch(/^dbm: (database "dbm_e2e_no_such_database" does not exist|cannot reach PostgreSQL at 127\.0\.0\.1:1)/);
        expect(`${r.stdout}${r.stderr}`).not.toContain(secret);
        noStack(r);
      }
    }
    expect(await files(app)).toEqual(before);
    expect(await untouched(db)).toBe(0);
  });

  it('two ORMs in the package: dbm detect and status list both with their evidence; --orm drizzle chooses', async () => {
    const { app, db, url } = await scenario();
    await writeFile(join(app, 'knexfile.cjs'), "module.exports = { client: 'pg', connection: process.env.DATABASE_URL };\n");
    const before = await files(app);
    for (const verb of ['detect', 'status']) {
      const r = await dbm([verb], app, { DATABASE_URL: url });
      expect(r.code, verb).toBe(2);
      expect(r.stderr).toMatch(/more than one ORM .*\n {2}drizzle: package\.json depends on drizzle-kit and drizzle-orm; drizzle\.config\.ts.*\n {2}knex: knexfile\.cjs\nchoose one with --orm drizzle\|knex/s);
    }
    expect(await files(app)).toEqual(before);
    expect(await untouched(db)).toBe(0);
    const chosen = await dbm(['status', '--orm', 'drizzle'], app, { DATABASE_URL: url });
    expect(chosen.code).toBe(2);
    expect(chosen.stdout).toContain('0 applied, 3 pending');
  });

  it('a package with no ORM at all: dbm detect says what it looked for', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dbm-e2e-none-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    await writeFile(join(dir, 'package.json'), '{"name":"plain","dependencies":{"drizzle-orm":"*"}}');
    const r = await dbm(['detect'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no ORM found .*drizzle \(drizzle\.config\.\*\)/s);
    expect(await readdir(dir)).toEqual(['package.json']);
  });
});
