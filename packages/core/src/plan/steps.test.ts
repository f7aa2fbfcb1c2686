import { beforeAll, describe, expect, it } from 'vitest';
import { loadPostgresParser } from '../dialects/postgres/parse.js';
import { plan, shape } from './plan.testkit.js';

beforeAll(() => loadPostgresParser());

describe('step boundaries', () => {
  it('builds an index on an existing table concurrently, alone and outside a transaction', () => {
    expect(shape(plan('CREATE INDEX idx_orders_user ON orders (user_id);'))).toEqual([
      ['no-tx', 'CREATE INDEX CONCURRENTLY "idx_orders_user" ON "orders" ("user_id")'],
    ]);
  });

  it('leaves an unnamed index unnamed: the server picks the same name', () => {
    expect(shape(plan('CREATE INDEX ON orders (created_at DESC);'))).toEqual([
      ['no-tx', 'CREATE INDEX CONCURRENTLY ON "orders" ("created_at" DESC)'],
    ]);
  });

  it('drops an index concurrently, but keeps CASCADE as written', () => {
    const p = plan('DROP INDEX orders_note_idx, orders_status_idx; DROP INDEX orders_note_idx CASCADE;');
    expect(shape(p)).toEqual([
      ['no-tx', 'DROP INDEX CONCURRENTLY "orders_note_idx"'],
      ['no-tx', 'DROP INDEX CONCURRENTLY "orders_status_idx"'],
      ['tx', 'DROP INDEX "orders_note_idx" CASCADE'],
    ]);
    expect(p.notes.map((n) => n.line)).toEqual([1]);
  });

  it('splits a foreign key into NOT VALID and a VALIDATE in a later transaction, named as PostgreSQL would', () => {
    expect(shape(plan('ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;'))).toEqual([
      ['tx', 'ALTER TABLE "orders" ADD CONSTRAINT "orders_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE NOT VALID'],
      ['tx', 'ALTER TABLE "orders" VALIDATE CONSTRAINT "orders_user_id_fkey"'],
    ]);
  });

  it('splits a check the same way', () => {
    expect(shape(plan('ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0);'))).toEqual([
      ['tx', 'ALTER TABLE "orders" ADD CONSTRAINT "orders_total_positive" CHECK (total >= 0) NOT VALID'],
      ['tx', 'ALTER TABLE "orders" VALIDATE CONSTRAINT "orders_total_positive"'],
    ]);
  });

  it('sets NOT NULL through a validated check, then drops the check', () => {
    expect(shape(plan('ALTER TABLE orders ALTER COLUMN status SET NOT NULL;'))).toEqual([
      ['tx', 'ALTER TABLE "orders" ADD CONSTRAINT "orders_status_not_null_tmp" CHECK ("status" IS NOT NULL) NOT VALID'],
      ['tx', 'ALTER TABLE "orders" VALIDATE CONSTRAINT "orders_status_not_null_tmp"'],
      ['tx', 'ALTER TABLE "orders" ALTER COLUMN "status" SET NOT NULL', 'ALTER TABLE "orders" DROP CONSTRAINT "orders_status_not_null_tmp"'],
    ]);
  });

  it('keeps SET NOT NULL before PostgreSQL 12, with a note', () => {
    const p = plan('ALTER TABLE orders ALTER COLUMN status SET NOT NULL;', { pgVersion: 11 });
    expect(shape(p)).toEqual([['tx', 'ALTER TABLE "orders" ALTER COLUMN "status" SET NOT NULL']]);
    expect(p.notes).toHaveLength(1);
  });

  it('builds UNIQUE and PRIMARY KEY as a concurrent unique index first', () => {
    expect(shape(plan('ALTER TABLE orders ADD UNIQUE (ref); ALTER TABLE items ADD PRIMARY KEY (order_id, sku);'))).toEqual([
      ['no-tx', 'CREATE UNIQUE INDEX CONCURRENTLY "orders_ref_key" ON "orders" ("ref")'],
      ['tx', 'ALTER TABLE "orders" ADD CONSTRAINT "orders_ref_key" UNIQUE USING INDEX "orders_ref_key"'],
      ['no-tx', 'CREATE UNIQUE INDEX CONCURRENTLY "items_pkey" ON "items" ("order_id", "sku")'],
      [
        'tx',
        'ALTER TABLE "items" ADD CONSTRAINT "items_order_id_not_null_tmp" CHECK ("order_id" IS NOT NULL) NOT VALID',
        'ALTER TABLE "items" ADD CONSTRAINT "items_sku_not_null_tmp" CHECK ("sku" IS NOT NULL) NOT VALID',
      ],
      ['tx', 'ALTER TABLE "items" VALIDATE CONSTRAINT "items_order_id_not_null_tmp"', 'ALTER TABLE "items" VALIDATE CONSTRAINT "items_sku_not_null_tmp"'],
      [
        'tx',
        'ALTER TABLE "items" ADD CONSTRAINT "items_pkey" PRIMARY KEY USING INDEX "items_pkey"',
        'ALTER TABLE "items" DROP CONSTRAINT "items_order_id_not_null_tmp"',
        'ALTER TABLE "items" DROP CONSTRAINT "items_sku_not_null_tmp"',
      ],
    ]);
  });

  it('adds a column with inline constraints plainly, then each constraint safely', () => {
    expect(shape(plan('ALTER TABLE orders ADD COLUMN approved_by bigint REFERENCES users (id) CHECK (approved_by > 0) UNIQUE;'))).toEqual([
      ['tx', 'ALTER TABLE "orders" ADD COLUMN "approved_by" bigint'],
      ['tx', 'ALTER TABLE "orders" ADD CONSTRAINT "orders_approved_by_check" CHECK (approved_by > 0) NOT VALID'],
      ['tx', 'ALTER TABLE "orders" VALIDATE CONSTRAINT "orders_approved_by_check"'],
      ['no-tx', 'CREATE UNIQUE INDEX CONCURRENTLY "orders_approved_by_key" ON "orders" ("approved_by")'],
      ['tx', 'ALTER TABLE "orders" ADD CONSTRAINT "orders_approved_by_key" UNIQUE USING INDEX "orders_approved_by_key"'],
      ['tx', 'ALTER TABLE "orders" ADD CONSTRAINT "orders_approved_by_fkey" FOREIGN KEY ("approved_by") REFERENCES "users" ("id") NOT VALID'],
      ['tx', 'ALTER TABLE "orders" VALIDATE CONSTRAINT "orders_approved_by_fkey"'],
    ]);
  });

  it('adds a column with a volatile default without it, sets it, backfills in batches, then sets NOT NULL', () => {
    const steps = shape(plan('ALTER TABLE users ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid();', { batchSize: 500 }));
    expect(steps.slice(0, 2)).toEqual([
      ['tx', 'ALTER TABLE "users" ADD COLUMN "token" uuid'],
      ['tx', 'ALTER TABLE "users" ALTER COLUMN "token" SET DEFAULT gen_random_uuid()'],
    ]);
    expect(steps[2]![0]).toBe('no-tx');
    expect(steps[2]![1]).toMatch(/^DO \$\$\n/);
    expect(steps[2]![1]).toContain('ids := ARRAY(SELECT ctid FROM "users" WHERE "token" IS NULL LIMIT 500);');
    expect(steps[2]![1]).toContain('UPDATE "users" SET "token" = DEFAULT WHERE ctid = ANY (ids) AND "token" IS NULL;');
    // stops when no NULL row is left (not when one batch changed nothing), bounded, committing each batch
    expect(steps[2]![1]).toMatch(/EXIT WHEN cardinality\(ids\) = 0 OR rounds >= most;\n\s+UPDATE[^\n]*\n(.*\n){2}\s+COMMIT;\n/);
    expect(steps[2]![1]).toContain('SELECT count(*) / 500 * 2 + 10 INTO most FROM "users" WHERE "token" IS NULL;');
    expect(steps[2]![1]).toContain("RAISE NOTICE 'dbm-backfill users %', n;");
    expect(steps.slice(3).map((s) => s[1])).toEqual([
      'ALTER TABLE "users" ADD CONSTRAINT "users_token_not_null_tmp" CHECK ("token" IS NOT NULL) NOT VALID',
      'ALTER TABLE "users" VALIDATE CONSTRAINT "users_token_not_null_tmp"',
      'ALTER TABLE "users" ALTER COLUMN "token" SET NOT NULL',
    ]);
  });

  it('keeps constant and stable defaults in the ADD COLUMN (instant since PostgreSQL 11)', () => {
    expect(shape(plan("ALTER TABLE orders ADD COLUMN shard integer NOT NULL DEFAULT 1, ADD COLUMN seen_at timestamptz DEFAULT now();"))).toEqual([
      ['tx', 'ALTER TABLE "orders" ADD COLUMN "shard" int DEFAULT 1 NOT NULL', 'ALTER TABLE "orders" ADD COLUMN "seen_at" timestamptz DEFAULT now()'],
    ]);
  });

  it('gives every ACCESS EXCLUSIVE statement on an existing table its own transaction', () => {
    expect(shape(plan('ALTER TABLE orders ALTER COLUMN note DROP NOT NULL; ALTER TABLE users ALTER COLUMN name SET DEFAULT \'x\';'))).toEqual([
      ['tx', 'ALTER TABLE "orders" ALTER COLUMN "note" DROP NOT NULL'],
      ['tx', 'ALTER TABLE "users" ALTER COLUMN "name" SET DEFAULT \'x\''],
    ]);
  });

  it('groups statements on new tables and lock-free statements with what precedes them', () => {
    const p = plan(`
      CREATE TYPE ship_state AS ENUM ('a', 'b');
      CREATE TABLE shipments (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id));
      CREATE INDEX ON shipments (order_id);
      ALTER TABLE shipments ADD CONSTRAINT shipments_id_positive CHECK (id > 0);
      ALTER TABLE orders ALTER COLUMN note DROP NOT NULL;
      CREATE TABLE parcels (id bigint);
      ALTER TABLE parcels ALTER COLUMN id SET NOT NULL;`);
    expect(shape(p).map((s) => [s[0], s.length - 1])).toEqual([
      ['tx', 4],
      ['tx', 1],
      ['tx', 2],
    ]);
    expect(p.steps.map((s) => s.lines)).toEqual([[2, 3, 4, 5], [6], [7, 8]]);
  });

  it('drops the file’s BEGIN/COMMIT: the planner decides the transactions', () => {
    const p = plan('BEGIN;\nCREATE INDEX i ON orders (note);\nALTER TABLE orders DROP COLUMN legacy;\nCOMMIT;');
    expect(shape(p)).toEqual([
      ['no-tx', 'CREATE INDEX CONCURRENTLY "i" ON "orders" ("note")'],
      ['tx', 'ALTER TABLE "orders" DROP COLUMN "legacy"'],
    ]);
    expect(p.changes.map((c) => c.what).filter((w) => /BEGIN|COMMIT/.test(w))).toHaveLength(2);
  });

  it('keeps statements on tables this file creates as they are', () => {
    expect(shape(plan('CREATE TABLE t (id int); CREATE INDEX t_id ON t (id); ALTER TABLE t ADD CONSTRAINT t_fk FOREIGN KEY (id) REFERENCES users (id); DROP INDEX t_id;'))).toEqual([
      [
        'tx',
        'CREATE TABLE "t" (\n  "id" int\n)',
        'CREATE INDEX "t_id" ON "t" ("id")',
        'ALTER TABLE "t" ADD CONSTRAINT "t_fk" FOREIGN KEY ("id") REFERENCES "users" ("id")',
        'DROP INDEX "t_id"',
      ],
    ]);
  });

  it('respects an ignore comment: the acknowledged statement stays as written', () => {
    expect(shape(plan('-- dbm-ignore require-concurrent-index-creation\nCREATE INDEX i ON orders (note);'))).toEqual([
      ['tx', 'CREATE INDEX "i" ON "orders" ("note")'],
    ]);
  });
});

describe('nothing is dropped', () => {
  it('keeps statements the model does not describe, verbatim, and lists them', () => {
    const sql = [
      "UPDATE orders SET status = 'new' WHERE status IS NULL",
      'VACUUM orders',
      'REINDEX INDEX CONCURRENTLY orders_note_idx',
      'CREATE VIEW open_orders AS SELECT * FROM orders',
      'ANALYZE orders',
    ];
    const p = plan(sql.map((s) => `${s};`).join('\n'));
    expect(shape(p)).toEqual([['tx', sql[0]], ['no-tx', sql[1]], ['no-tx', sql[2]], ['tx', sql[3]], ['tx', sql[4]]]);
    expect(p.unmodelled).toEqual(sql.map((statement, i) => ({ line: i + 1, statement })));
  });

  it('every statement of the file ends up in a step', () => {
    const sql = `BEGIN;
      SET lock_timeout = '3s';
      SET search_path TO public;
      CREATE TABLE t (id int);
      ALTER TABLE orders ADD COLUMN x int, DROP COLUMN legacy;
      ALTER TABLE orders RENAME COLUMN note TO notes;
      ALTER TABLE orders ALTER COLUMN quantity TYPE bigint;
      ALTER TYPE order_state ADD VALUE 'lost';
      DROP TABLE coupons;
      TRUNCATE items;
      COMMIT;`;
    const p = plan(sql);
    const lines = new Set(p.steps.flatMap((s) => s.lines));
    // BEGIN (1), SET lock_timeout (2) and COMMIT (11) become step settings and boundaries
    expect([...lines].sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(p.steps.flatMap((s) => s.statements)).toContain('TRUNCATE items');
  });
});

describe('lock_timeout in every step', () => {
  it('sets it first: SET LOCAL inside transactions, SET outside', () => {
    const p = plan('CREATE INDEX i ON orders (note); ALTER TABLE orders DROP COLUMN legacy;');
    expect(p.steps.map((s) => s.statements[0])).toEqual(["SET lock_timeout = '20ms'", "SET LOCAL lock_timeout = '20ms'"]);
    expect(p.changes[0]!.what).toContain("lock_timeout = '20ms'");
  });

  it('takes the value and statement_timeout from the options', () => {
    const p = plan('ALTER TABLE orders DROP COLUMN legacy;', { lockTimeout: '500ms', statementTimeout: '1min' });
    expect(p.steps[0]!.statements.slice(0, 2)).toEqual(["SET LOCAL lock_timeout = '500ms'", "SET LOCAL statement_timeout = '1min'"]);
  });

  it('lets a SET in the file override the option from there on, and RESET restore it', () => {
    const p = plan(`ALTER TABLE orders DROP COLUMN legacy;
      SET lock_timeout = '5s';
      SET statement_timeout TO '10s';
      CREATE INDEX i ON orders (note);
      RESET lock_timeout;
      RESET statement_timeout;
      ALTER TABLE users DROP COLUMN nickname;`);
    expect(p.steps.map((s) => s.statements.filter((t) => t.includes('_timeout')))).toEqual([
      ["SET LOCAL lock_timeout = '20ms'"],
      ["SET lock_timeout = '5s'", "SET statement_timeout = '10s'"],
      ["SET LOCAL lock_timeout = '20ms'"],
    ]);
    expect(p.changes.some((c) => c.what.startsWith('every step sets lock_timeout'))).toBe(false);
  });
});

describe('planning a plan again', () => {
  it('keeps its own batched backfill (a DO block that commits) outside any transaction', async () => {
    const { loadPostgresParser, parsePostgres } = await import('../dialects/postgres/parse.js');
    const { planFix } = await import('./plan-fix.js');
    const { renderPlanSql } = await import('./render.js');
    await loadPostgresParser();
    const first = planFix(parsePostgres('ALTER TABLE users ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid();'));
    const backfill = first.steps.find((s) => s.statements.some((x) => x.startsWith('DO ')))!;
    expect(backfill.transactional).toBe(false);
    const again = planFix(parsePostgres(first.steps.flatMap((s) => s.statements.filter((x) => !x.startsWith('SET '))).map((x) => `${x};`).join('\n')));
    const replanned = again.steps.find((s) => s.statements.some((x) => x.startsWith('DO ')))!;
    expect(replanned.transactional).toBe(false);
    expect(renderPlanSql(again)).toContain('DO $$');
  });
});
