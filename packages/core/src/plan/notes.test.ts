import { beforeAll, describe, expect, it } from 'vitest';
import { loadPostgresParser } from '../dialects/postgres/parse.js';
import { plan, shape } from './plan.testkit.js';

beforeAll(() => loadPostgresParser());

describe('notes for what has no automatic safe form', () => {
  const cases: [string, string, RegExp[]][] = [
    ['ALTER TABLE orders RENAME COLUMN note TO notes', 'ALTER TABLE "orders" RENAME COLUMN "note" TO "notes"', [/ADD COLUMN "notes"/, /trigger/, /backfill/, /switch/, /DROP COLUMN "note"/]],
    ['ALTER TABLE orders RENAME TO purchases', 'ALTER TABLE "orders" RENAME TO "purchases"', [/CREATE VIEW "orders"/, /DROP VIEW "orders"/]],
    ['ALTER TABLE orders ALTER COLUMN quantity TYPE bigint', 'ALTER TABLE "orders" ALTER COLUMN "quantity" TYPE bigint', [/ADD COLUMN "quantity_new" bigint/, /trigger/, /batches/, /swap/]],
    ['ALTER TABLE orders DROP COLUMN legacy', 'ALTER TABLE "orders" DROP COLUMN "legacy"', [/stop using legacy/, /later migration; dbm keeps a backup/]],
    ['DROP TABLE coupons', 'DROP TABLE "coupons"', [/stop using coupons/, /backup/]],
    ['ALTER TABLE orders ADD COLUMN region text NOT NULL', 'ALTER TABLE "orders" ADD COLUMN "region" text NOT NULL', [/nullable/, /backfill/, /SET NOT NULL/]],
  ];
  for (const [sql, kept, plan_] of cases) {
    it(`keeps "${sql}" as written, alone, with an expand/contract plan`, () => {
      const p = plan(`${sql};`);
      expect(shape(p)).toEqual([['tx', kept]]);
      expect(p.notes).toHaveLength(1);
      const note = p.notes[0]!;
      expect(note).toMatchObject({ line: 1, severity: 'error' });
      note.plan.forEach((step, i) => expect(step.startsWith(`${i + 1}. `)).toBe(true));
      for (const re of plan_) expect(note.plan.join('\n')).toMatch(re);
    });
  }

  it('makes the note a warning when the statement acknowledges the hazard', () => {
    const p = plan('-- dbm-ignore ban-drop-column\nALTER TABLE orders DROP COLUMN legacy;');
    expect(p.notes.map((n) => n.severity)).toEqual(['warning']);
  });

  it('says nothing about the same statements on a table the file created', () => {
    const p = plan('CREATE TABLE t (a int, b int); ALTER TABLE t RENAME COLUMN a TO c; ALTER TABLE t DROP COLUMN b; DROP TABLE t;');
    expect(p.notes).toEqual([]);
    expect(p.steps).toHaveLength(1);
  });

  it('notes a ROLLBACK, whose meaning the plan cannot keep', () => {
    expect(plan('BEGIN; ALTER TABLE orders DROP COLUMN legacy; ROLLBACK;').notes.map((n) => n.line)).toEqual([1, 1]);
  });
});
