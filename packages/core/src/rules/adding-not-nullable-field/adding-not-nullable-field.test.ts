import { beforeAll, describe, expect, it } from 'vitest';
import { loadPostgresParser } from '../../dialects/postgres/parse.js';
import { lintSql } from '../../lint/lint.js';
import { describeRuleFixtures } from '../harness.testkit.js';
import { addingNotNullableField } from './adding-not-nullable-field.js';
import { provesNotNull } from './not-null-pattern.js';

describeRuleFixtures(addingNotNullableField, import.meta.dirname);

describe('adding-not-nullable-field', () => {
  beforeAll(() => loadPostgresParser());
  const found = (sql: string, pgVersion = 15) =>
    lintSql(sql, { pgVersion }).diagnostics.filter((d) => d.rule === addingNotNullableField.id);
  const pattern = [
    'ALTER TABLE orders ADD CONSTRAINT orders_status_nn CHECK (status IS NOT NULL) NOT VALID;',
    'ALTER TABLE orders VALIDATE CONSTRAINT orders_status_nn;',
    'ALTER TABLE orders ALTER COLUMN status SET NOT NULL;',
  ].join('\n');

  it('accepts the validated check from PostgreSQL 12 on, not before', () => {
    expect(found(pattern, 12)).toEqual([]);
    expect(found(pattern, 11)).toHaveLength(1);
  });

  it('helps with the four-step pattern, names quoted', () => {
    const [d] = found('ALTER TABLE "Shop"."Orders" ALTER COLUMN "Status" SET NOT NULL;');
    expect(d?.help).toBe(
      [
        '1. ALTER TABLE "Shop"."Orders" ADD CONSTRAINT "Orders_Status_not_null" CHECK ("Status" IS NOT NULL) NOT VALID; -- instant: only new rows are checked',
        '2. in a separate transaction: ALTER TABLE "Shop"."Orders" VALIDATE CONSTRAINT "Orders_Status_not_null"; -- SHARE UPDATE EXCLUSIVE: reads and writes go on',
        '3. ALTER TABLE "Shop"."Orders" ALTER COLUMN "Status" SET NOT NULL; -- no scan: the validated check proves it',
        '4. ALTER TABLE "Shop"."Orders" DROP CONSTRAINT "Orders_Status_not_null";',
      ].join('\n'),
    );
  });

  it('reads IS NOT NULL conjuncts of a check', () => {
    expect(provesNotNull('status IS NOT NULL', 'status')).toBe(true);
    expect(provesNotNull('(status IS NOT NULL)\n  AND total > 0', 'status')).toBe(true);
    expect(provesNotNull('"user" IS NOT NULL', 'user')).toBe(true);
    expect(provesNotNull('"Status" IS NOT NULL', 'Status')).toBe(true);
    expect(provesNotNull('"Status" IS NOT NULL', 'status')).toBe(false);
    expect(provesNotNull('status IS NOT NULL OR note IS NOT NULL', 'status')).toBe(false);
    expect(provesNotNull('(status IS NOT NULL OR a) AND b', 'status')).toBe(false);
  });
});
