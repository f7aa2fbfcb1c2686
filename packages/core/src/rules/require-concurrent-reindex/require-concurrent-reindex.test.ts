import { describe, expect, it, beforeAll } from 'vitest';
import { loadPostgresParser } from '../../dialects/postgres/parse.js';
import { lintSql } from '../../lint/lint.js';
import { describeRuleFixtures } from '../harness.testkit.js';
import { requireConcurrentReindex } from './require-concurrent-reindex.js';

describeRuleFixtures(requireConcurrentReindex, import.meta.dirname);

describe('require-concurrent-reindex help', () => {
  beforeAll(() => loadPostgresParser());
  const help = (sql: string, pgVersion: number) =>
    lintSql(sql, { pgVersion }).diagnostics.find((d) => d.rule === requireConcurrentReindex.id)?.help;

  it('writes the concurrent form with quoted names on PostgreSQL 12+', () => {
    expect(help('REINDEX INDEX "Billing"."Invoices_pkey";', 12)).toMatch(/^REINDEX INDEX CONCURRENTLY "Billing"\."Invoices_pkey";/);
  });

  it('explains the manual rebuild before PostgreSQL 12', () => {
    expect(help('REINDEX TABLE orders;', 11)).toContain('CREATE INDEX CONCURRENTLY');
  });
});
