import { beforeAll, describe, expect, it } from 'vitest';
import { loadPostgresParser } from '../../dialects/postgres/parse.js';
import { lintSql } from '../../lint/lint.js';
import { describeRuleFixtures } from '../harness.testkit.js';
import { addingFieldWithDefault } from './adding-field-with-default.js';
import { isNullDefault, volatileCall } from './volatility.js';

describeRuleFixtures(addingFieldWithDefault, import.meta.dirname);

describe('adding-field-with-default', () => {
  beforeAll(() => loadPostgresParser());
  const found = (sql: string, pgVersion = 15) =>
    lintSql(sql, { pgVersion }).diagnostics.filter((d) => d.rule === addingFieldWithDefault.id);

  it('tells volatile defaults from constant and stable ones', () => {
    expect(volatileCall('gen_random_uuid()')).toBe('gen_random_uuid()');
    expect(volatileCall('(random() * 10)::integer')).toBe('random()');
    expect(volatileCall("nextval('s'::regclass)")).toBe('nextval()');
    expect(volatileCall('myschema.now()')).toBe('myschema.now()');
    expect(volatileCall('now()')).toBeUndefined();
    expect(volatileCall('CURRENT_TIMESTAMP')).toBeUndefined();
    expect(volatileCall("lower('A'::text) || 'b'")).toBeUndefined();
    expect(volatileCall("'{}'::jsonb")).toBeUndefined();
    expect(isNullDefault('NULL::text')).toBe(true);
    expect(isNullDefault("'NULL'")).toBe(false);
  });

  it('flags a constant default before PostgreSQL 11 only', () => {
    const sql = "ALTER TABLE orders ADD COLUMN currency text DEFAULT 'EUR';";
    expect(found(sql, 10)).toHaveLength(1);
    expect(found(sql, 11)).toEqual([]);
  });

  it('helps with add, set default, batched backfill', () => {
    const [d] = found('ALTER TABLE "Shop"."Orders" ADD COLUMN "PublicId" uuid NOT NULL DEFAULT gen_random_uuid();');
    expect(d?.help?.split('\n').slice(0, 3)).toEqual([
      '1. ALTER TABLE "Shop"."Orders" ADD COLUMN "PublicId" uuid; -- no default: instant',
      '2. ALTER TABLE "Shop"."Orders" ALTER COLUMN "PublicId" SET DEFAULT gen_random_uuid(); -- new rows only: instant',
      '3. backfill in batches, one transaction each: UPDATE "Shop"."Orders" SET "PublicId" = gen_random_uuid() WHERE "PublicId" IS NULL AND <key range>;',
    ]);
    expect(d?.help).toContain('SET NOT NULL');
  });
});
