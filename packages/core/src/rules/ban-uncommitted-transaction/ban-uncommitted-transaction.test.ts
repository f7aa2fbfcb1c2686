import { beforeAll, describe, expect, it } from 'vitest';
import { loadPostgresParser } from '../../dialects/postgres/parse.js';
import { lintSql } from '../../lint/lint.js';
import { describeRuleFixtures } from '../harness.testkit.js';
import { banUncommittedTransaction } from './ban-uncommitted-transaction.js';

describeRuleFixtures(banUncommittedTransaction, import.meta.dirname);

describe('ban-uncommitted-transaction session semantics', () => {
  beforeAll(() => loadPostgresParser());
  const found = (sql: string, assumeInTransaction = false) =>
    lintSql(sql, { assumeInTransaction }).diagnostics.filter((d) => d.rule === banUncommittedTransaction.id);

  it('treats PREPARE TRANSACTION as ending the session transaction', () => {
    expect(found("BEGIN;\nCREATE TABLE gift_cards (id bigint);\nPREPARE TRANSACTION 'gift_cards';")).toEqual([]);
  });

  it('still reports a BEGIN left open when the tool wraps the file', () => {
    expect(found('BEGIN;\nCREATE TABLE gift_cards (id bigint);', true)).toHaveLength(1);
  });

  it('reports at the BEGIN that opened the transaction left open', () => {
    const [d] = found('BEGIN;\nCOMMIT;\nSELECT 1;\nBEGIN;\nBEGIN;\nSELECT 2;');
    expect(d?.line).toBe(4);
  });
});
