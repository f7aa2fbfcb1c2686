import { beforeAll, describe, expect, it } from 'vitest';
import { loadPostgresParser } from '../../dialects/postgres/parse.js';
import { lintSql } from '../../lint/lint.js';
import { describeRuleFixtures } from '../harness.testkit.js';
import { renamingTable } from './renaming-table.js';

describeRuleFixtures(renamingTable, import.meta.dirname);

describe('renaming-table help', () => {
  beforeAll(() => loadPostgresParser());
  const help = (sql: string, assumeInTransaction = false) =>
    lintSql(sql, { assumeInTransaction }).diagnostics.find((d) => d.rule === renamingTable.id)?.help ?? '';

  it('wraps the rename and the view in a transaction of their own', () => {
    const h = help('ALTER TABLE items RENAME TO order_items;');
    expect(h).toContain('BEGIN;\nALTER TABLE "items" RENAME TO "order_items";\nCREATE VIEW "items" AS SELECT * FROM "order_items";');
    expect(h).toContain('DROP VIEW "items";');
  });

  it('does not open a transaction inside one', () => {
    expect(help('ALTER TABLE items RENAME TO order_items;', true)).not.toContain('BEGIN;');
  });
});
