import { beforeAll, describe, expect, it } from 'vitest';
import { loadPostgresParser } from '../../dialects/postgres/parse.js';
import { lintSql } from '../../lint/lint.js';
import { describeRuleFixtures } from '../harness.testkit.js';
import { addingPrimaryKeyConstraint } from './adding-primary-key-constraint.js';

describeRuleFixtures(addingPrimaryKeyConstraint, import.meta.dirname);

describe('adding-primary-key-constraint help', () => {
  beforeAll(() => loadPostgresParser());

  it('builds the key index concurrently, then attaches it', () => {
    const help = lintSql('ALTER TABLE "Shop"."Items" ADD PRIMARY KEY ("OrderId", sku);').diagnostics.find(
      (d) => d.rule === addingPrimaryKeyConstraint.id,
    )?.help;
    expect(help?.split('\n').slice(1)).toEqual([
      '1. CREATE UNIQUE INDEX CONCURRENTLY "Items_pkey" ON "Shop"."Items" ("OrderId", "sku"); -- outside a transaction; reads and writes go on (drop an INVALID leftover before retrying)',
      '2. ALTER TABLE "Shop"."Items" ADD CONSTRAINT "Items_pkey" PRIMARY KEY USING INDEX "Items_pkey"; -- instant: takes over the built index',
    ]);
  });
});
