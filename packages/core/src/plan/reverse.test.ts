import { beforeAll, describe, expect, it } from 'vitest';
import { loadPostgresParser } from '../dialects/postgres/parse.js';
import { plan } from './plan.testkit.js';

beforeAll(() => loadPostgresParser());

/** Each step's reverse without its timeout settings. */
const reverses = (sql: string) =>
  plan(sql).steps.map((s) => (s.reverse === null ? null : s.reverse.filter((t) => !t.includes('_timeout'))));

describe('reverse statements', () => {
  it('drops what a step added, under the same lock timeout', () => {
    const p = plan('CREATE INDEX i ON orders (note);');
    expect(p.steps[0]!.reverse).toEqual(["SET lock_timeout = '20ms'", 'DROP INDEX CONCURRENTLY "i"']);
  });

  it('undoes NOT VALID + VALIDATE with a DROP CONSTRAINT of the named constraint', () => {
    expect(reverses('ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users (id);')).toEqual([
      ['ALTER TABLE "orders" DROP CONSTRAINT "orders_user_id_fkey"'],
      [],
    ]);
  });

  it('undoes the SET NOT NULL pattern step by step', () => {
    expect(reverses('ALTER TABLE orders ALTER COLUMN status SET NOT NULL;')).toEqual([
      ['ALTER TABLE "orders" DROP CONSTRAINT "orders_status_not_null_tmp"'],
      [],
      [
        'ALTER TABLE "orders" ALTER COLUMN "status" DROP NOT NULL',
        'ALTER TABLE "orders" ADD CONSTRAINT "orders_status_not_null_tmp" CHECK ("status" IS NOT NULL) NOT VALID',
      ],
    ]);
  });

  it('undoes a unique constraint even though dropping it dropped its index', () => {
    expect(reverses('ALTER TABLE orders ADD UNIQUE (ref);')).toEqual([
      ['DROP INDEX CONCURRENTLY IF EXISTS "orders_ref_key"'],
      ['ALTER TABLE "orders" DROP CONSTRAINT "orders_ref_key"'],
    ]);
  });

  it('undoes a volatile default column: drop default, nothing for the backfill, drop column', () => {
    expect(reverses('ALTER TABLE orders ADD COLUMN public_id uuid DEFAULT gen_random_uuid();')).toEqual([
      ['ALTER TABLE "orders" DROP COLUMN "public_id"'],
      ['ALTER TABLE "orders" ALTER COLUMN "public_id" DROP DEFAULT'],
      [],
    ]);
  });

  it('drops a new table once, whatever was built on it in the same step', () => {
    expect(reverses('CREATE TABLE t (id int); CREATE INDEX ON t (id); ALTER TABLE t ADD CHECK (id > 0);')).toEqual([['DROP TABLE "t"']]);
  });

  it('reverses a rename, last statement first', () => {
    expect(reverses('ALTER TABLE orders RENAME COLUMN note TO notes;')).toEqual([
      ['ALTER TABLE "orders" RENAME COLUMN "notes" TO "note"'],
    ]);
  });

  it('is null when the step cannot be undone', () => {
    expect(reverses('ALTER TABLE orders DROP COLUMN legacy;')).toEqual([null]);
    expect(reverses("UPDATE orders SET note = 'x';")).toEqual([null]);
    expect(reverses('ALTER TABLE orders ALTER COLUMN quantity TYPE bigint;')).toEqual([null]);
  });
});
