import { beforeAll, describe, expect, it } from 'vitest';
import { loadPostgresParser } from '../../dialects/postgres/parse.js';
import { lintSql } from '../../lint/lint.js';
import { describeRuleFixtures } from '../harness.testkit.js';
import { preferRobustStmts } from './prefer-robust-stmts.js';

describeRuleFixtures(preferRobustStmts, import.meta.dirname);

describe('prefer-robust-stmts', () => {
  beforeAll(() => loadPostgresParser());
  const found = (sql: string, pgVersion = 15) =>
    lintSql(sql, { pgVersion }).diagnostics.filter((d) => d.rule === preferRobustStmts.id);

  it('never suggests a transaction for statements that cannot run in one', () => {
    const [index, enumValue] = found("CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);\nALTER TYPE order_state ADD VALUE 'held' AFTER 'paid';", 11);
    expect(index?.help).toContain('DROP INDEX CONCURRENTLY IF EXISTS "orders_note_idx"');
    expect(index?.help).not.toContain('BEGIN');
    expect(enumValue?.help).not.toContain('BEGIN');
  });

  it('follows the real transaction state: a nested BEGIN does not keep statements after the COMMIT inside', () => {
    const d = found('BEGIN;\nBEGIN;\nCREATE TABLE gift_cards (id bigint);\nCOMMIT;\nDROP TABLE legacy_carts;');
    expect(d.map((x) => x.line)).toEqual([5]);
  });

  it('counts BEGIN with transaction options as opening a transaction', () => {
    expect(found('BEGIN ISOLATION LEVEL SERIALIZABLE;\nCREATE TABLE gift_cards (id bigint);\nCOMMIT;')).toEqual([]);
  });
});
