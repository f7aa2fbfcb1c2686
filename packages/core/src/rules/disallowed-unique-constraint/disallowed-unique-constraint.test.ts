import { beforeAll, describe, expect, it } from 'vitest';
import { loadPostgresParser } from '../../dialects/postgres/parse.js';
import { lintSql } from '../../lint/lint.js';
import { describeRuleFixtures } from '../harness.testkit.js';
import { disallowedUniqueConstraint } from './disallowed-unique-constraint.js';

describeRuleFixtures(disallowedUniqueConstraint, import.meta.dirname);

describe('disallowed-unique-constraint help', () => {
  beforeAll(() => loadPostgresParser());
  const help = (sql: string) => lintSql(sql).diagnostics.find((d) => d.rule === disallowedUniqueConstraint.id)?.help;

  it('builds the index concurrently, then attaches it, names quoted', () => {
    expect(help('ALTER TABLE "Shop"."Orders" ADD UNIQUE ("Ref", sku);')?.split('\n')).toEqual([
      '1. CREATE UNIQUE INDEX CONCURRENTLY "Orders_Ref_sku_key" ON "Shop"."Orders" ("Ref", "sku"); -- outside a transaction; reads and writes go on (drop an INVALID leftover before retrying)',
      '2. ALTER TABLE "Shop"."Orders" ADD CONSTRAINT "Orders_Ref_sku_key" UNIQUE USING INDEX "Orders_Ref_sku_key"; -- instant: takes over the built index',
    ]);
  });

  it('adds an inline UNIQUE column first without the constraint', () => {
    expect(help('ALTER TABLE users ADD COLUMN handle text CONSTRAINT users_handle_uq UNIQUE;')?.split('\n')[0]).toBe(
      '1. ALTER TABLE "users" ADD COLUMN "handle" text;',
    );
  });
});
