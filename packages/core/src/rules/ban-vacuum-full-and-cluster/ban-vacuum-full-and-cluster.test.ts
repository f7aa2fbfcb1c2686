import { beforeAll, describe, expect, it } from 'vitest';
import { loadPostgresParser } from '../../dialects/postgres/parse.js';
import { lintSql } from '../../lint/lint.js';
import { describeRuleFixtures } from '../harness.testkit.js';
import { banVacuumFullAndCluster } from './ban-vacuum-full-and-cluster.js';

describeRuleFixtures(banVacuumFullAndCluster, import.meta.dirname);

describe('ban-vacuum-full-and-cluster help', () => {
  beforeAll(() => loadPostgresParser());
  const help = (sql: string, pgVersion: number) =>
    lintSql(sql, { pgVersion }).diagnostics.find((d) => d.rule === banVacuumFullAndCluster.id)?.help;

  it('suggests REPACK (CONCURRENTLY) from PostgreSQL 19, pg_repack before', () => {
    expect(help('CLUSTER "Orders" USING "Orders_created_idx";', 19)).toMatch(
      /^REPACK \(CONCURRENTLY\) "Orders" USING INDEX "Orders_created_idx";/,
    );
    expect(help('VACUUM FULL orders;', 15)).toMatch(/^pg_repack --no-order --table=orders /);
  });
});
