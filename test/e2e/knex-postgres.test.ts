// examples/knex-postgres end to end on the real PostgreSQL server, through the built dbm CLI and knex's own
// CLI: detect → status → apply → knex agrees → a schema change generated from SQL (and one from a target
// schema) → safe by dbm lint → apply → rollback → status; and bad input, each refused with nothing written.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_URL, connect, scenario, show, tree, urlOf, type Run, type Scenario } from './knex-postgres.kit.js';

const BASE = ['20250101090000_create_users.js', '20250102090000_create_orders.js', '20250103090000_create_coupons.js'];

/** An index on an existing table, a column with a foreign key, a NOT NULL column with a default. */
const CHANGE = `-- coupons on orders, and a tier for every user
CREATE INDEX orders_created_at_idx ON orders (created_at);
ALTER TABLE orders ADD COLUMN coupon_id bigint;
ALTER TABLE orders ADD CONSTRAINT orders_coupon_id_fkey FOREIGN KEY (coupon_id) REFERENCES coupons (id) ON DELETE SET NULL;
ALTER TABLE users ADD COLUMN tier text NOT NULL DEFAULT 'basic';
`;

const SEED = `
INSERT INTO users (email, name) SELECT 'user' || g || '@example.test', 'User ' || g FROM generate_series(1, 40) g;
INSERT INTO coupons (code, percent_off) SELECT 'SAVE' || g, g FROM generate_series(5, 50, 5) g;
INSERT INTO orders (user_id, total, status) SELECT 1 + g % 40, g * 1.25, CASE WHEN g % 3 = 0 THEN 'paid' ELSE 'pending' END FROM generate_series(1, 150) g;`;

/** The rows of the example's tables, in the columns the base migrations create. */
async function data(s: Scenario): Promise<unknown[]> {
  return s.query(`SELECT
    (SELECT md5(string_agg(concat_ws('|', id, email, name, created_at, display_name), ',' ORDER BY id)) FROM users) AS users,
    (SELECT md5(string_agg(concat_ws('|', id, user_id, total, status, created_at), ',' ORDER BY id)) FROM orders) AS orders,
    (SELECT md5(string_agg(concat_ws('|', id, code, percent_off), ',' ORDER BY id)) FROM coupons) AS coupons`);
}

interface StatusJson {
  migrations: { name: string; state: string }[];
  clean: boolean;
}

function json<T>(r: Run): T {
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(`no JSON from dbm\n${show(r)}`);
  }
}

async function states(s: Scenario): Promise<[string, string][]> {
  const r = await s.dbm(['status', '--json']);
  return json<StatusJson>(r).migrations.map((m) => [m.name, m.state]);
}

/** `knex migrate:list` says nothing is pending, and `knex migrate:latest` runs nothing. */
async function knexAgrees(s: Scenario, completed: number): Promise<void> {
  const list = await s.knex(['migrate:list']);
  expect(list.code, show(list)).toBe(0);
  expect(list.stdout).toContain(`Found ${completed} Completed Migration file/files.`);
  expect(list.stdout).toContain('No Pending Migration files Found.');
  const latest = await s.knex(['migrate:latest']);
  expect(latest.code, show(latest)).toBe(0);
  expect(latest.stdout).toContain('Already up to date');
}

/** The SQL the pending migrations will run (dbm's dry run renders knex code), as a script with their transactions. */
async function renderedScript(s: Scenario): Promise<string> {
  const r = await s.dbm(['apply', '--dry-run', '--json']);
  expect(r.code, show(r)).toBe(0);
  const plan = json<{ migrations: { name: string; kind: string; notes: string[]; steps: { transactional: boolean; statements: { sql: string }[] }[] }[] }>(r);
  const out: string[] = [];
  for (const m of plan.migrations) {
    expect(m.kind).toBe('code');
    expect(m.notes, `${m.name} could not be rendered`).toEqual([]);
    for (const step of m.steps) {
      const body = step.statements.map((x) => `${x.sql};`);
      out.push(`-- ${m.name}`, ...(step.transactional ? ['BEGIN;', ...body, 'COMMIT;'] : body));
    }
  }
  return `${out.join('\n')}\n`;
}

beforeAll(async () => {
  await (await connect(ADMIN_URL)).end();
});

describe('knex-postgres: the example end to end', () => {
  let s: Scenario;
  let generated: string[] = [];
  beforeAll(async () => {
    s = await scenario('main');
  });
  afterAll(async () => {
    await s?.cleanup();
  });

  it('dbm detect names knex, PostgreSQL, the migrations, the knexfile and DATABASE_URL, with the evidence', async () => {
    const human = await s.dbm(['detect'], { DATABASE_URL: undefined });
    expect(human.code, show(human)).toBe(0);
    expect(human.stdout).toMatch(/^knex \(postgresql\) in \./);
    expect(human.stdout).toMatch(/migrations\s+migrations/);
    expect(human.stdout).toMatch(/config\s+knexfile\.js/);
    expect(human.stdout).toMatch(/database\s+\$DATABASE_URL/);
    expect(human.stdout).toContain('package.json depends on knex');
    const r = await s.dbm(['detect', '--json']);
    expect(r.code, show(r)).toBe(0);
    expect(json(r)).toEqual({
      orm: 'knex',
      dialect: 'postgresql',
      root: s.dir,
      migrationsDir: join(s.dir, 'migrations'),
      configPath: join(s.dir, 'knexfile.js'),
      url: { env: 'DATABASE_URL' },
      ledgerTable: 'knex_migrations',
      evidence: ['package.json depends on knex', 'knexfile.js (environment development): client pg', 'connection: process.env.DATABASE_URL'],
    });
  });

  it('dbm status shows the three migrations pending (exit 2) and writes nothing', async () => {
    const r = await s.dbm(['status']);
    expect(r.code, show(r)).toBe(2);
    expect(r.stdout).toContain('0 applied, 3 pending');
    expect(await states(s)).toEqual(BASE.map((n) => [n, 'pending']));
    expect(await s.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)).toEqual([]);
  });

  it('dbm apply runs them; dbm status is clean, and knex migrate:list / migrate:latest agree', async () => {
    const r = await s.dbm(['apply']);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toContain('applied 3 migrations');
    const status = await s.dbm(['status']);
    expect(status.code, show(status)).toBe(0);
    expect(await states(s)).toEqual(BASE.map((n) => [n, 'applied']));
    await knexAgrees(s, 3);
    expect(await s.query(`SELECT name, batch FROM knex_migrations ORDER BY id`)).toEqual(BASE.map((name) => ({ name, batch: 1 })));
  });

  it('dbm generate --from-sql writes knex migrations in the safe form and says what it changed', async () => {
    await s.query(SEED);
    await writeFile(join(s.dir, 'change.sql'), CHANGE);
    const r = await s.dbm(['generate', 'coupons_on_orders', '--from-sql', 'change.sql']);
    expect(r.code, show(r)).toBe(0);
    generated = (await s.migrations()).filter((f) => !BASE.includes(f));
    expect(generated.length).toBe(5);
    expect(generated.every((f) => /^\d{14}_coupons_on_orders_\dof5\.js$/.test(f))).toBe(true);
    for (const f of generated) expect(r.stdout).toContain(`wrote migrations/${f}`);
    expect(r.stdout).toContain('the safety pass changed:');
    expect(r.stdout).toMatch(/CREATE INDEX orders_created_at_idx runs CONCURRENTLY/);
    expect(r.stdout).toMatch(/orders_coupon_id_fkey is added NOT VALID, then validated in a separate transaction/);
    const texts = await Promise.all(generated.map((f) => readFile(join(s.dir, 'migrations', f), 'utf8')));
    // the index outside a transaction, in a file of its own; the foreign key NOT VALID, validated in the next file
    expect(texts[0]).toContain('export const config = { transaction: false };');
    expect(texts[0]).toContain('CREATE INDEX CONCURRENTLY "orders_created_at_idx"');
    expect(texts.filter((t) => t.includes('transaction: false'))).toHaveLength(1);
    expect(texts[2]).toMatch(/FOREIGN KEY \("coupon_id"\) REFERENCES "coupons" \("id"\) ON DELETE SET NULL NOT VALID/);
    expect(texts[3]).toContain('VALIDATE CONSTRAINT "orders_coupon_id_fkey"');
    expect(texts[4]).toContain("t.text('tier').notNullable().defaultTo('basic');");
    expect(texts.every((t) => /^export async function up\(knex\) \{$/m.test(t) && /^export async function down\(knex\) \{$/m.test(t))).toBe(true);
    expect(await states(s)).toEqual([...BASE.map((n) => [n, 'applied']), ...generated.map((n) => [n, 'pending'])]);
  });

  it('the SQL the generated migrations run is safe by dbm lint', async () => {
    const script = await renderedScript(s);
    expect(script).toContain('CREATE INDEX CONCURRENTLY');
    await writeFile(join(s.dir, 'rendered.sql'), script);
    const lint = await s.dbm(['lint', 'rendered.sql', '--json']);
    expect(JSON.parse(lint.stdout).summary.errors, show(lint)).toBe(0);
    expect(lint.code, show(lint)).toBe(0);
    // the change as written is not: that is what the safety pass was for
    const raw = await s.dbm(['lint', 'change.sql', '--json']);
    expect(JSON.parse(raw.stdout).summary.errors, show(raw)).toBeGreaterThan(0);
  });

  it('dbm apply runs them; the schema has the change, the data is untouched, and knex agrees', async () => {
    const before = await data(s);
    const r = await s.dbm(['apply']);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toContain(`applied ${generated.length} migrations`);
    expect((await s.dbm(['status'])).code).toBe(0);
    await knexAgrees(s, BASE.length + generated.length);
    expect(await s.query(`SELECT indisvalid FROM pg_index WHERE indexrelid = 'orders_created_at_idx'::regclass`)).toEqual([{ indisvalid: true }]);
    expect(await s.query(`SELECT convalidated FROM pg_constraint WHERE conname = 'orders_coupon_id_fkey'`)).toEqual([{ convalidated: true }]);
    expect(await s.query(`SELECT tier, count(*)::int AS n FROM users GROUP BY tier`)).toEqual([{ tier: 'basic', n: 40 }]);
    expect(await data(s)).toEqual(before);
  });

  it('dbm rollback undoes them through their down functions; status shows them pending again, the data unchanged', async () => {
    const before = await data(s);
    const r = await s.dbm(['rollback', '--steps', String(generated.length)]);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toContain(`rolled back ${generated.length} migrations`);
    const status = await s.dbm(['status']);
    expect(status.code, show(status)).toBe(2);
    expect(await states(s)).toEqual([...BASE.map((n) => [n, 'applied']), ...generated.map((n) => [n, 'pending'])]);
    const columns = await s.query<{ c: string }>(`SELECT table_name || '.' || column_name AS c FROM information_schema.columns WHERE column_name IN ('tier', 'coupon_id')`);
    expect(columns).toEqual([]);
    expect(await s.query(`SELECT 1 FROM pg_class WHERE relname = 'orders_created_at_idx'`)).toEqual([]);
    expect(await data(s)).toEqual(before);
    const list = await s.knex(['migrate:list']);
    expect(list.stdout).toContain(`Found ${generated.length} Pending Migration file/files.`);
  });
});

describe('knex-postgres: dbm generate --from-schema', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await scenario('schema');
  });
  afterAll(async () => {
    await s?.cleanup();
  });

  const TARGET = `
CREATE TABLE users (id bigserial PRIMARY KEY, email varchar(255) NOT NULL CONSTRAINT users_email_key UNIQUE, name varchar(100) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP, display_name text, tier text NOT NULL DEFAULT 'basic');
CREATE TABLE orders (id bigserial PRIMARY KEY, user_id bigint NOT NULL CONSTRAINT orders_user_id_foreign REFERENCES users (id) ON DELETE CASCADE,
  total numeric(10,2) NOT NULL, status varchar(20) NOT NULL DEFAULT 'pending', created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP);
CREATE INDEX orders_user_id_idx ON orders (user_id);
CREATE INDEX orders_status_idx ON orders (status);
CREATE TABLE coupons (id bigserial PRIMARY KEY, code varchar(40) NOT NULL CONSTRAINT coupons_code_key UNIQUE,
  percent_off integer NOT NULL CONSTRAINT coupons_percent_off_check CHECK (percent_off BETWEEN 1 AND 100));
CREATE TABLE reviews (id bigserial PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5), body text, created_at timestamptz NOT NULL DEFAULT now());
`;

  it('writes the difference between the database and a target schema; applied, the next diff is empty; rolled back, pending again', async () => {
    expect((await s.dbm(['apply'])).code).toBe(0);
    await s.query(SEED);
    const before = await data(s);
    await writeFile(join(s.dir, 'schema.sql'), TARGET);
    const r = await s.dbm(['generate', 'reviews', '--from-schema', 'schema.sql']);
    expect(r.code, show(r)).toBe(0);
    const generated = (await s.migrations()).filter((f) => !BASE.includes(f));
    expect(generated.length).toBeGreaterThan(1);
    const first = await readFile(join(s.dir, 'migrations', generated[0]!), 'utf8');
    expect(first).toContain("await knex.schema.createTable('reviews', (t) => {");
    expect(first).toContain("t.foreign(['order_id'], 'reviews_order_id_fkey').references('id').inTable('orders').onDelete('CASCADE');");

    const script = await renderedScript(s);
    await writeFile(join(s.dir, 'rendered.sql'), script);
    const lint = await s.dbm(['lint', 'rendered.sql', '--json']);
    expect(JSON.parse(lint.stdout).summary.errors, show(lint)).toBe(0);

    const apply = await s.dbm(['apply']);
    expect(apply.code, show(apply)).toBe(0);
    await knexAgrees(s, BASE.length + generated.length);
    const again = await s.dbm(['generate', 'nothing_left', '--from-schema', 'schema.sql']);
    expect(again.code, show(again)).toBe(0);
    expect(again.stdout).toContain('no changes');
    expect(await s.migrations()).toEqual([...BASE, ...generated]);
    expect(await data(s)).toEqual(before);

    const back = await s.dbm(['rollback', '--steps', String(generated.length)]);
    expect(back.code, show(back)).toBe(0);
    expect((await s.dbm(['status'])).code).toBe(2);
    expect(await states(s)).toEqual([...BASE.map((n) => [n, 'applied']), ...generated.map((n) => [n, 'pending'])]);
    expect(await s.query(`SELECT 1 FROM pg_class WHERE relname IN ('reviews', 'orders_status_idx')`)).toEqual([]);
    expect(await data(s)).toEqual(before);
  });
});

describe('knex-postgres: bad input is refused with a clear message, a non-zero exit and nothing written', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await scenario('bad');
  });
  afterAll(async () => {
    await s?.cleanup();
  });

  const PASSWORD = 'kn3x:S3cr3t@pw/#';

  async function nothingWritten(files: string[]): Promise<void> {
    expect(await tree(s.dir)).toEqual(files);
    expect(await s.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)).toEqual([]);
  }

  it('a knexfile with a syntax error: every verb names the file and the line', async () => {
    const files = await tree(s.dir);
    const good = await readFile(join(s.dir, 'knexfile.js'), 'utf8');
    await writeFile(join(s.dir, 'knexfile.js'), good.replace('client: \'pg\',', "client: 'pg',,"));
    for (const args of [['detect'], ['status'], ['apply'], ['generate', 'x']]) {
      const r = await s.dbm(args);
      expect(r.code, `${args.join(' ')}\n${show(r)}`).not.toBe(0);
      expect(r.stderr).toMatch(new RegExp(`cannot load the knexfile ${join(s.dir, 'knexfile.js').replace(/[/.]/g, '\\$&')}:\\d+: SyntaxError`));
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    }
    await writeFile(join(s.dir, 'knexfile.js'), good);
    await nothingWritten(files);
  });

  it('DATABASE_URL missing, or wrong: says what to set, never prints the password', async () => {
    await writeFile(join(s.dir, 'schema.sql'), 'CREATE TABLE things (id bigserial PRIMARY KEY);\n');
    const files = await tree(s.dir);
    for (const args of [['status'], ['apply'], ['rollback'], ['generate', 'x', '--from-schema', 'schema.sql']]) {
      const r = await s.dbm(args, { DATABASE_URL: undefined });
      expect(r.code, show(r)).not.toBe(0);
      expect(r.stderr).toMatch(/set DATABASE_URL or pass --url/);
    }
    const refused = `postgres://postgres:${encodeURIComponent(PASSWORD)}@127.0.0.1:1/${s.database}`;
    const missing = urlOf(`${s.database}_missing`, PASSWORD);
    for (const [url, message] of [
      [refused, /cannot reach PostgreSQL at 127\.0\.0\.1:1/],
      [missing, /database "dbm_e2e_knex_bad_\w+_missing" does not exist/],
    ] as const) {
      for (const args of [['status'], ['apply'], ['rollback'], ['generate', 'x', '--from-schema', 'schema.sql']]) {
        const r = await s.dbm(args, { DATABASE_URL: url });
        expect(r.code, show(r)).toBe(1);
        expect(r.stderr).toMatch(message);
        for (const form of [PASSWORD, encodeURIComponent(PASSWORD), 'S3cr3t']) expect(`${r.stdout}${r.stderr}`).not.toContain(form);
      }
    }
    await nothingWritten(files);
  });

  it('--from-sql with SQL that does not parse: file:line:col, and no migration written', async () => {
    await writeFile(join(s.dir, 'bad.sql'), 'CREATE INDEX orders_status_idx ON orders (status);\nALTER TABLE orders ADD COLUMN ;\n');
    const files = await tree(s.dir);
    const r = await s.dbm(['generate', 'broken', '--from-sql', 'bad.sql']);
    expect(r.code, show(r)).not.toBe(0);
    expect(r.stderr).toMatch(/^dbm: bad\.sql:2:\d+: syntax error/);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    await nothingWritten(files);
    const missing = await s.dbm(['generate', 'broken', '--from-sql', 'nope.sql']);
    expect(missing.code, show(missing)).not.toBe(0);
    expect(missing.stderr).toContain('cannot read nope.sql: no such file');
    await nothingWritten(files);
  });
});
