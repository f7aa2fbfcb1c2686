import { beforeAll, describe, expect, it } from 'vitest';
import { loadPostgresParser } from '../../dialects/postgres/parse.js';
import { lintSql } from '../../lint/lint.js';
import { describeRuleFixtures } from '../harness.testkit.js';
import { requireConcurrentPartitionDetach } from './require-concurrent-partition-detach.js';

describeRuleFixtures(requireConcurrentPartitionDetach, import.meta.dirname);

describe('require-concurrent-partition-detach', () => {
  beforeAll(() => loadPostgresParser());
  const found = (pgVersion: number) =>
    lintSql('ALTER TABLE events DETACH PARTITION events_2023;', { pgVersion }).diagnostics.filter(
      (d) => d.rule === requireConcurrentPartitionDetach.id,
    );

  it('applies from PostgreSQL 14, where CONCURRENTLY exists', () => {
    expect(found(13)).toEqual([]);
    expect(found(14)).toHaveLength(1);
    expect(found(14)[0]?.help).toMatch(/^ALTER TABLE "events" DETACH PARTITION "events_2023" CONCURRENTLY;/);
  });
});
