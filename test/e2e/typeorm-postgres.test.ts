// examples/typeorm-postgres end to end on the real PostgreSQL server, through the built dbm CLI and
// TypeORM's own CLI: detect → status → apply → TypeORM agrees → entity edit → generate (safe by lint) →
// apply → rollback → status; and bad input (a broken DataSource, a missing or wrong DATABASE_URL), each a
// clear message, a non-zero exit and nothing written.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checksum, exampleProject, parseMigrationShow, query, show, urlOf, type ExampleProject } from './typeorm-postgres.kit.js';

const SHIPPED = ['CreateUsersAndProducts1795300000000', 'CreateOrders1795300100000', 'AddUserStatus1795300200000'];
const SLOW = 300_000;

// the entity edit: a NOT NULL column with a default, an index on it, and a relation to products
const ORDER_EDITED = `import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Product } from './Product.js';
import { User } from './User.js';

@Entity({ name: 'orders' })
export class Order {
  @PrimaryGeneratedColumn('increment', { type: 'integer' })
  id: number;

  @Index('orders_user_id_idx')
  @Column({ name: 'user_id', type: 'integer' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user: User;

  @Column({ type: 'numeric', precision: 10, scale: 2 })
  total: string;

  @Index('orders_status_idx')
  @Column({ type: 'varchar', length: 20, default: 'new' })
  status: string;

  @ManyToOne(() => Product, { nullable: true })
  @JoinColumn({ name: 'product_id' })
  product: Product | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
`;

const SEED = `
  INSERT INTO users (email, name, status) SELECT 'user' || g || '@example.test', 'User ' || g, CASE WHEN g % 3 = 0 THEN 'vip' ELSE 'active' END FROM generate_series(1, 60) g;
  INSERT INTO products (sku, name, price) SELECT 'SKU-' || g, 'Product ' || g, g * 2.5 FROM generate_series(1, 25) g;
  INSERT INTO orders (user_id, total) SELECT 1 + g % 60, g * 1.25 FROM generate_series(1, 300) g;`;

interface DryRun {
  migrations: { name: string; steps: { transactional: boolean; statements: { sql: string }[] }[] }[];
}

/** TypeORM's own view: migration:show's list, and DataSource#showMigrations()'s answer (true = something pending). */
async function typeormView(p: ExampleProject): Promise<{ applied: string[]; pending: string[]; hasPending: boolean }> {
  const listed = await p.typeorm(['migration:show', '-d', 'src/data-source.ts']);
  expect(listed.code, show(listed)).toBe(0);
  const script = join(p.dir, 'show-migrations.ts');
  writeFileSync(
    script,
    "import { AppDataSource } from './src/data-source.js';\nawait AppDataSource.initialize();\n" +
      "const pending = await AppDataSource.showMigrations();\nawait AppDataSource.destroy();\nconsole.log('PENDING=' + pending);\n",
  );
  const answer = await p.node(['--import', 'tsx', script]);
  const m = /PENDING=(true|false)/.exec(answer.stdout);
  expect(m, show(answer)).not.toBeNull();
  return { ...parseMigrationShow(listed.stdout), hasPending: m![1] === 'true' };
}

/** The statements of a TypeORM class's `up`, read from its text (template literals unescaped). */
function upStatements(text: string): string[] {
  const up = text.slice(text.indexOf('async up('), text.indexOf('async down('));
  return [...up.matchAll(/queryRunner\.query\(`((?:[^`\\]|\\.)*)`/g)].map((m) => m[1]!.replace(/\\([`\\$])/g, '$1'));
}

describe('typeorm-postgres: detect → status → apply → generate → apply → rollback', () => {
  let p: ExampleProject;
  let generated: string[] = [];
  let untouched: { users: string; products: string; orders: string };

  beforeAll(async () => {
    p = await exampleProject('dbm_e2e_typeorm');
  }, SLOW);
  afterAll(async () => p?.dispose());

  it('dbm detect finds TypeORM, PostgreSQL, the DataSource and its migrations (human and --json)', async () => {
    const human = await p.dbm(['detect']);
    expect(human.code, show(human)).toBe(0);
    expect(human.stdout).toMatch(/^typeorm \(postgresql\) in \./);
    expect(human.stdout).toMatch(/migrations\s+src\/migrations/);
    expect(human.stdout).toMatch(/schema\s+src\/data-source\.ts/);
    expect(human.stdout).toContain('$DATABASE_URL');
    expect(human.stdout).toContain('package.json depends on typeorm');
    const json = await p.dbm(['detect', '--json']);
    expect(json.code, show(json)).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      orm: 'typeorm',
      dialect: 'postgresql',
      migrationsDir: join(p.dir, 'src', 'migrations'),
      schemaPath: join(p.dir, 'src', 'data-source.ts'),
      url: { env: 'DATABASE_URL' },
      ledgerTable: 'migrations',
    });
  }, SLOW);

  it('dbm status shows the three migrations pending (exit 2), and TypeORM agrees', async () => {
    const status = await p.dbm(['status', '--json']);
    expect(status.code, show(status)).toBe(2);
    const report = JSON.parse(status.stdout) as { migrations: { name: string; state: string }[] };
    expect(report.migrations.map((m) => [m.name, m.state])).toEqual(SHIPPED.map((n) => [n, 'pending']));
    expect(await typeormView(p)).toEqual({ applied: [], pending: SHIPPED, hasPending: true });
  }, SLOW);

  it('dbm apply runs them; dbm status is clean and TypeORM (migration:show, showMigrations()) agrees', async () => {
    const apply = await p.dbm(['apply']);
    expect(apply.code, show(apply)).toBe(0);
    expect(apply.stdout).toContain('applied 3 migrations');
    const status = await p.dbm(['status']);
    expect(status.code, show(status)).toBe(0);
    expect(status.stdout).toContain('3 applied, 0 pending');
    expect(await typeormView(p)).toEqual({ applied: SHIPPED, pending: [], hasPending: false });
    const ledger = await query<{ name: string; timestamp: string }>(p.url, 'SELECT "timestamp", name FROM migrations ORDER BY id');
    expect(ledger.map((r) => [r.name, Number(r.timestamp)])).toEqual(SHIPPED.map((n) => [n, Number(n.slice(-13))]));
    await query(p.url, SEED);
    untouched = { users: await checksum(p.url, 'users'), products: await checksum(p.url, 'products'), orders: await checksum(p.url, 'orders') };
  }, SLOW);

  it('dbm generate after an entity edit: TypeORM generator, then the safety pass, written as TypeORM classes', async () => {
    const before = p.migrationFiles();
    writeFileSync(join(p.dir, 'src', 'entity', 'Order.ts'), ORDER_EDITED);
    const r = await p.dbm(['generate', 'add_order_status']);
    expect(r.code, show(r)).toBe(0);
    // what the safety pass changed, and why
    expect(r.stdout).toContain('the safety pass changed:');
    expect(r.stdout).toMatch(/CREATE INDEX orders_status_idx runs CONCURRENTLY, outside a transaction/);
    expect(r.stdout).toMatch(/foreign key FK_\w+ is added NOT VALID, then validated in a separate transaction/);
    expect(r.stdout).toMatch(/lock_timeout/);
    generated = p.migrationFiles().filter((f) => !before.includes(f));
    expect(generated.length).toBeGreaterThanOrEqual(3);
    expect(generated.every((f) => /^\d{13}-add_order_status\.ts$/.test(f))).toBe(true);
    const texts = generated.map((f) => readFileSync(join(p.dir, 'src', 'migrations', f), 'utf8'));
    // TypeORM's naming: class <Name><timestamp> with the same `name`, timestamps in plan order
    texts.forEach((t, i) => {
      const ts = generated[i]!.slice(0, 13);
      expect(t).toContain(`export class AddOrderStatus${ts} implements MigrationInterface {`);
      expect(t).toContain(`name = 'AddOrderStatus${ts}'`);
    });
    // the index build: its own class, outside a transaction
    const index = texts.filter((t) => t.includes('CREATE INDEX'));
    expect(index).toHaveLength(1);
    expect(index[0]).toContain('transaction = false');
    expect(index[0]).toContain('CREATE INDEX CONCURRENTLY "orders_status_idx" ON "orders" ("status")');
    expect(texts.filter((t) => t.includes('transaction = false'))).toHaveLength(1);
    // the foreign key: NOT VALID, validated in a later class
    const fk = texts.findIndex((t) => /FOREIGN KEY \("product_id"\) REFERENCES "products" \("id"\) NOT VALID/.test(t));
    const validate = texts.findIndex((t) => t.includes('VALIDATE CONSTRAINT'));
    expect(fk).toBeGreaterThanOrEqual(0);
    expect(validate).toBeGreaterThan(fk);
    // the new column keeps its constant default (instant on PostgreSQL 11+) and NOT NULL
    expect(texts.join('\n')).toContain(`ADD COLUMN "status" varchar(20) DEFAULT 'new' NOT NULL`);
    // generating again before they are applied would repeat them (TypeORM diffs against the database): refused
    const again = await p.dbm(['generate', 'too_soon']);
    expect(again.code, show(again)).toBe(1);
    expect(again.stderr).toContain(`${generated.length} migrations are not applied yet`);
    expect(again.stderr).toContain('Run dbm apply first');
    expect(p.migrationFiles()).toEqual([...before, ...generated].sort());
  }, SLOW);

  it('the SQL of the written classes is safe by dbm lint (no error), where TypeORM\'s own output is not', async () => {
    const dry = await p.dbm(['apply', '--dry-run', '--json']);
    expect(dry.code, show(dry)).toBe(0);
    const plan = JSON.parse(dry.stdout) as DryRun;
    expect(plan.migrations.map((m) => m.name)).toEqual(generated.map((f) => `AddOrderStatus${f.slice(0, 13)}`));
    const lintDir = join(p.dir, 'lint');
    mkdirSync(lintDir);
    for (const m of plan.migrations) {
      const body = m.steps.flatMap((s) => {
        const statements = s.statements.map((x) => `${x.sql};`);
        return s.transactional ? ['BEGIN;', ...statements, 'COMMIT;'] : statements;
      });
      expect(body.length).toBeGreaterThan(0);
      writeFileSync(join(lintDir, `${m.name}.sql`), `${body.join('\n')}\n`);
    }
    const lint = await p.dbm(['lint', 'lint', '--json']);
    expect(JSON.parse(lint.stdout).summary.errors, show(lint)).toBe(0);
    expect(lint.code, show(lint)).toBe(0);

    // TypeORM's generator alone, for contrast: the same edit as it writes it fails the lint
    const raw = await p.typeorm(['migration:generate', join(p.dir, 'raw', 'RawOrderStatus'), '-d', 'src/data-source.ts']);
    expect(raw.code, show(raw)).toBe(0);
    const [rawFile] = readdirSync(join(p.dir, 'raw'));
    const statements = upStatements(readFileSync(join(p.dir, 'raw', rawFile!), 'utf8'));
    expect(statements.some((x) => /^CREATE INDEX "orders_status_idx"/.test(x))).toBe(true);
    writeFileSync(join(p.dir, 'raw.sql'), statements.map((x) => `${x};`).join('\n'));
    const rawLint = await p.dbm(['lint', 'raw.sql', '--json']);
    expect(rawLint.code, show(rawLint)).toBe(1);
    expect(JSON.stringify(JSON.parse(rawLint.stdout))).toMatch(/require-concurrent-index-creation/);
  }, SLOW);

  it('dbm apply runs the classes through TypeORM; the schema is the one TypeORM wants; untouched rows are unchanged', async () => {
    const apply = await p.dbm(['apply']);
    expect(apply.code, show(apply)).toBe(0);
    expect(apply.stdout).toContain(`applied ${generated.length} migrations`);
    const status = await p.dbm(['status']);
    expect(status.code, show(status)).toBe(0);
    const view = await typeormView(p);
    expect(view.pending).toEqual([]);
    expect(view.hasPending).toBe(false);
    expect(view.applied).toHaveLength(SHIPPED.length + generated.length);
    const [column] = await query<{ is_nullable: string; column_default: string }>(
      p.url,
      `SELECT is_nullable, column_default FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'status'`,
    );
    expect(column).toEqual({ is_nullable: 'NO', column_default: "'new'::character varying" });
    const [index] = await query<{ valid: boolean }>(p.url, `SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = 'orders_status_idx'::regclass`);
    expect(index!.valid).toBe(true);
    const fks = await query<{ validated: boolean }>(p.url, `SELECT convalidated AS validated FROM pg_constraint WHERE conrelid = 'orders'::regclass AND contype = 'f'`);
    expect(fks).toHaveLength(2);
    expect(fks.every((f) => f.validated)).toBe(true);
    // TypeORM's generator finds nothing left to do: the safe form built exactly the schema the entities describe
    const again = await p.dbm(['generate', 'nothing_left']);
    expect(again.code, show(again)).toBe(0);
    expect(again.stdout).toContain('no changes');
    expect(p.migrationFiles().some((f) => f.includes('nothing_left'))).toBe(false);
    expect(await checksum(p.url, 'users')).toBe(untouched.users);
    expect(await checksum(p.url, 'products')).toBe(untouched.products);
    expect(await checksum(p.url, 'orders', 'id, user_id, total, created_at')).toBe(untouched.orders);
  }, SLOW);

  it('dbm rollback undoes the generated classes; dbm status shows them pending again; the data is unchanged', async () => {
    const rollback = await p.dbm(['rollback', '--to', SHIPPED.at(-1)!]);
    expect(rollback.code, show(rollback)).toBe(0);
    expect(rollback.stdout).toContain(`rolled back ${generated.length} migrations`);
    const status = await p.dbm(['status', '--json']);
    expect(status.code, show(status)).toBe(2);
    const report = JSON.parse(status.stdout) as { migrations: { name: string; state: string }[] };
    expect(report.migrations.filter((m) => m.state === 'pending').map((m) => m.name)).toEqual(generated.map((f) => `AddOrderStatus${f.slice(0, 13)}`));
    const view = await typeormView(p);
    expect(view.applied).toEqual(SHIPPED);
    expect(view.hasPending).toBe(true);
    const columns = await query<{ column_name: string }>(p.url, `SELECT column_name FROM information_schema.columns WHERE table_name = 'orders' ORDER BY ordinal_position`);
    expect(columns.map((c) => c.column_name)).toEqual(['id', 'user_id', 'total', 'created_at']);
    expect(await query(p.url, `SELECT 1 FROM pg_class WHERE relname = 'orders_status_idx'`)).toEqual([]);
    expect(await checksum(p.url, 'users')).toBe(untouched.users);
    expect(await checksum(p.url, 'products')).toBe(untouched.products);
    expect(await checksum(p.url, 'orders')).toBe(untouched.orders);
  }, SLOW);
});

describe('typeorm-postgres: bad input gets a clear message, a non-zero exit, and nothing is written', () => {
  let p: ExampleProject;
  beforeAll(async () => {
    p = await exampleProject('dbm_e2e_typeorm_bad');
  }, SLOW);
  afterAll(async () => p?.dispose());

  /** Everything a run could have written: the migration files and the database's tables. */
  async function written(): Promise<{ files: string[]; tables: string[] }> {
    const tables = await query<{ t: string }>(p.url, `SELECT table_schema || '.' || table_name AS t FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`);
    return { files: p.migrationFiles(), tables: tables.map((r) => r.t) };
  }

  it('a DataSource file with a syntax error: every verb names the file and stops', async () => {
    const file = join(p.dir, 'src', 'data-source.ts');
    const good = readFileSync(file, 'utf8');
    const before = await written();
    writeFileSync(file, good.replace("type: 'postgres',", "type: 'postgres',,, {"));
    try {
      const verbs = [['detect'], ['status'], ['apply'], ['generate', 'broken']];
      const runs = await Promise.all(verbs.map((args) => p.dbm(args)));
      for (const [i, r] of runs.entries()) {
        expect(r.code, `${verbs[i]!.join(' ')}\n${show(r)}`).toBe(2);
        expect(r.stderr).toContain('cannot load the TypeORM DataSource src/data-source.ts');
        expect(r.stderr).toMatch(/data-source\.ts:\d+:\d+/);
        expect(r.stderr).not.toContain('internal error');
      }
      expect(await written()).toEqual(before);
    } finally {
      writeFileSync(file, good);
    }
  }, SLOW);

  it('no DataSource file (only the typeorm dependency): the message lists what was looked for and how to go on', async () => {
    const file = join(p.dir, 'src', 'data-source.ts');
    const good = readFileSync(file, 'utf8');
    const before = await written();
    try {
      writeFileSync(file, '// moved away\nexport {};\n');
      const verbs = [['detect'], ['status'], ['generate', 'no_data_source']];
      const runs = await Promise.all(verbs.map((args) => p.dbm(args)));
      for (const [i, r] of runs.entries()) {
        expect(r.code, `${verbs[i]!.join(' ')}\n${show(r)}`).toBe(2);
        expect(r.stderr).toContain('TypeORM found');
        expect(r.stderr).toContain('but no DataSource file: looked for src/data-source.ts');
        expect(r.stderr).toContain('--orm typeorm --dir <migrations folder>');
      }
      expect(await written()).toEqual(before);
    } finally {
      writeFileSync(file, good);
    }
  }, SLOW);

  it('DATABASE_URL missing: status, apply and generate say to set it', async () => {
    const before = await written();
    const env = { DATABASE_URL: undefined };
    const [status, apply, generate] = await Promise.all([p.dbm(['status'], env), p.dbm(['apply'], env), p.dbm(['generate', 'no_url'], env)]);
    expect(status.code, show(status)).toBe(2);
    expect(status.stderr).toContain('set DATABASE_URL');
    expect(apply.code, show(apply)).toBe(2);
    expect(apply.stderr).toContain('set DATABASE_URL');
    expect(generate.code, show(generate)).toBe(1);
    expect(generate.stderr).toContain("TypeORM's migration:generate compares the entities with the database; set DATABASE_URL or pass --url");
    expect(await written()).toEqual(before);
  }, SLOW);

  it('DATABASE_URL wrong (a database that does not exist, a closed port): a clear message, the password never printed', async () => {
    const before = await written();
    const password = 'Sup3r-secret-pw';
    const missing = urlOf(`${p.database}_missing`, password);
    const refused = (() => {
      const u = new URL(urlOf(p.database, password));
      u.port = '1';
      return u.toString();
    })();
    for (const [url, why] of [
      [missing, /database "\w+_missing" does not exist/],
      [refused, /cannot reach PostgreSQL at 127\.0\.0\.1:1 \(connection refused\)/],
    ] as const) {
      const verbs = [['status'], ['apply'], ['generate', 'wrong_url']];
      const runs = await Promise.all(verbs.map((args) => p.dbm(args, { DATABASE_URL: url })));
      for (const [i, r] of runs.entries()) {
        expect(r.code, `${verbs[i]!.join(' ')}\n${show(r)}`).toBe(1);
        expect(r.stderr).toMatch(why);
        expect(`${r.stdout}${r.stderr}`).not.toContain(password);
        expect(r.stderr).not.toContain('internal error');
      }
    }
    expect(await written()).toEqual(before);
  }, SLOW);
});
