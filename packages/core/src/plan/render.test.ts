import { beforeAll, describe, expect, it } from 'vitest';
import { loadPostgresParser } from '../dialects/postgres/parse.js';
import { lintSql } from '../lint/lint.js';
import { planToJson } from './json.js';
import { plan } from './plan.testkit.js';
import { renderPlanSql } from './render.js';

beforeAll(() => loadPostgresParser());

const SQL = `CREATE INDEX idx_orders_user ON orders (user_id);
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);
ALTER TABLE orders DROP COLUMN legacy;`;

describe('renderPlanSql', () => {
  it('writes a header per step, BEGIN/COMMIT around transactional steps, and the notes at the end', () => {
    const text = renderPlanSql(plan(SQL));
    expect(text).toContain(
      '-- step 1/4: non-transactional (CONCURRENTLY cannot run in a transaction) — build the index on orders without blocking writes\n' +
        '-- from line 1\n' +
        "SET lock_timeout = '20ms';\n" +
        'CREATE INDEX CONCURRENTLY "idx_orders_user" ON "orders" ("user_id");\n',
    );
    expect(text).toContain(
      '-- step 2/4: transactional — add the foreign key orders_user_fk NOT VALID: existing rows are not checked, so the lock is brief\n' +
        '-- from line 2\n' +
        'BEGIN;\n' +
        "SET LOCAL lock_timeout = '20ms';\n" +
        'ALTER TABLE "orders" ADD CONSTRAINT "orders_user_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") NOT VALID;\n' +
        'COMMIT;\n',
    );
    const notes = text.slice(text.indexOf('-- notes'));
    expect(notes).toMatch(/^-- notes\n-- error \(line 3\): Dropping orders\.legacy/);
    expect(notes).toContain('--   1. stop using legacy');
  });

  it('renders a script the PostgreSQL parser reads back, statement for statement', () => {
    const p = plan(SQL);
    const back = lintSql(renderPlanSql(p)).file.statements.map((s) => s.sql);
    expect(back.filter((s) => s !== 'BEGIN' && s !== 'COMMIT')).toEqual(p.steps.flatMap((s) => s.statements));
  });
});

describe('planToJson', () => {
  it('is exactly steps (transaction, statements without semicolons), notes and changes', () => {
    const p = plan(SQL);
    const json = planToJson(p);
    expect(Object.keys(json)).toEqual(['steps', 'notes', 'changes']);
    expect(json.steps[0]).toEqual({
      transaction: false,
      statements: ["SET lock_timeout = '20ms'", 'CREATE INDEX CONCURRENTLY "idx_orders_user" ON "orders" ("user_id")'],
    });
    expect(json.steps.map((s) => s.transaction)).toEqual([false, true, true, true]);
    expect(json.steps.flatMap((s) => s.statements).some((s) => s.endsWith(';'))).toBe(false);
    expect(json.notes).toEqual(p.notes);
    expect(json.changes).toEqual(p.changes);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
