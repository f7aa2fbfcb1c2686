/**
 * The lock table: what each operation kind, and each raw statement dbm knows, locks in PostgreSQL.
 * Expectations follow the PostgreSQL documentation (Explicit Locking, ALTER TABLE, REINDEX, VACUUM,
 * CLUSTER, LOCK, TRUNCATE, CREATE INDEX).
 */
import { describe, expect, it } from 'vitest';
import { OPERATION_KINDS, type OperationKind } from '../../operations/operation.js';
import { atLeast, blocksWrites, LOCK_LEVELS, lockOf, type LockInfo } from './locks.js';
import { loadPostgresParser, operationsOf, parsePostgres } from './parse.js';

await loadPostgresParser();

/** The lock of the single operation `sql` parses to. */
function lock(sql: string): LockInfo {
  const ops = operationsOf(parsePostgres(sql));
  expect(ops, sql).toHaveLength(1);
  return lockOf(ops[0]!);
}

const t = (name: string, schema?: string) => (schema ? { schema, name } : { name });
const AE = 'ACCESS EXCLUSIVE';
const SUE = 'SHARE UPDATE EXCLUSIVE';
const SRE = 'SHARE ROW EXCLUSIVE';

describe('lock levels', () => {
  it('orders the modes weakest first', () => {
    expect(LOCK_LEVELS[0]).toBe('none');
    expect(LOCK_LEVELS[LOCK_LEVELS.length - 1]).toBe(AE);
    expect(atLeast(AE, 'SHARE')).toBe(true);
    expect(atLeast('ROW EXCLUSIVE', 'SHARE')).toBe(false);
    expect(atLeast(SUE, SUE)).toBe(true);
  });

  it('knows which modes block INSERT / UPDATE / DELETE', () => {
    expect(LOCK_LEVELS.filter(blocksWrites)).toEqual(['SHARE', SRE, 'EXCLUSIVE', AE]);
  });
});

/** One statement per operation kind, with the lock PostgreSQL takes for it. */
const BY_KIND: Record<OperationKind, [string, LockInfo]> = {
  createTable: ['CREATE TABLE a (id int)', { level: 'none', scan: false, others: [] }],
  dropTable: ['DROP TABLE s.a', { level: AE, table: t('a', 's'), scan: false }],
  renameTable: ['ALTER TABLE a RENAME TO b', { level: AE, table: t('a'), scan: false }],
  addColumn: ['ALTER TABLE a ADD COLUMN c int', { level: AE, table: t('a'), scan: false, others: [] }],
  dropColumn: ['ALTER TABLE a DROP COLUMN c', { level: AE, table: t('a'), scan: false }],
  renameColumn: ['ALTER TABLE a RENAME c TO d', { level: AE, table: t('a'), scan: false }],
  alterColumnType: ['ALTER TABLE a ALTER c TYPE bigint', { level: AE, table: t('a'), scan: true }],
  setNotNull: ['ALTER TABLE a ALTER c SET NOT NULL', { level: AE, table: t('a'), scan: true }],
  dropNotNull: ['ALTER TABLE a ALTER c DROP NOT NULL', { level: AE, table: t('a'), scan: false }],
  setDefault: ['ALTER TABLE a ALTER c SET DEFAULT 1', { level: AE, table: t('a'), scan: false }],
  dropDefault: ['ALTER TABLE a ALTER c DROP DEFAULT', { level: AE, table: t('a'), scan: false }],
  createIndex: ['CREATE INDEX i ON a (c)', { level: 'SHARE', table: t('a'), scan: true }],
  dropIndex: ['DROP INDEX i', { level: AE, scan: false }],
  addForeignKey: [
    'ALTER TABLE a ADD FOREIGN KEY (c) REFERENCES b (id)',
    { level: SRE, table: t('a'), scan: true, others: [{ table: t('b'), level: SRE }] },
  ],
  addCheck: ['ALTER TABLE a ADD CHECK (c > 0)', { level: AE, table: t('a'), scan: true }],
  addUnique: ['ALTER TABLE a ADD UNIQUE (c)', { level: AE, table: t('a'), scan: true }],
  addPrimaryKey: ['ALTER TABLE a ADD PRIMARY KEY (c)', { level: AE, table: t('a'), scan: true }],
  dropConstraint: ['ALTER TABLE a DROP CONSTRAINT k', { level: AE, table: t('a'), scan: false }],
  validateConstraint: ['ALTER TABLE a VALIDATE CONSTRAINT k', { level: SUE, table: t('a'), scan: true }],
  createEnum: ["CREATE TYPE e AS ENUM ('x')", { level: 'none', scan: false }],
  addEnumValue: ["ALTER TYPE e ADD VALUE 'y'", { level: 'none', scan: false }],
  setting: ["SET lock_timeout = '2s'", { level: 'none', scan: false }],
  transaction: ['BEGIN', { level: 'none', scan: false }],
  raw: ['TRUNCATE a', { level: AE, table: t('a'), scan: false }],
};

describe('lockOf each operation kind', () => {
  it('has a case for every kind', () => {
    expect(Object.keys(BY_KIND).sort()).toEqual([...OPERATION_KINDS].sort());
  });

  for (const kind of OPERATION_KINDS) {
    const [sql, expected] = BY_KIND[kind];
    it(`${kind}: ${sql}`, () => {
      const ops = operationsOf(parsePostgres(sql));
      expect(ops.map((op) => op.kind)).toEqual([kind]);
      expect(lockOf(ops[0]!)).toEqual(expected);
    });
  }
});

describe('lockOf: the variants that change the lock', () => {
  it('builds an index concurrently under SHARE UPDATE EXCLUSIVE', () => {
    expect(lock('CREATE INDEX CONCURRENTLY i ON a (c)')).toEqual({ level: SUE, table: t('a'), scan: true });
    expect(lock('DROP INDEX CONCURRENTLY i')).toEqual({ level: SUE, scan: false });
  });

  it('skips the scan for NOT VALID constraints and UNIQUE USING INDEX', () => {
    expect(lock('ALTER TABLE a ADD CONSTRAINT k FOREIGN KEY (c) REFERENCES b NOT VALID').scan).toBe(false);
    expect(lock('ALTER TABLE a ADD CONSTRAINT k CHECK (c > 0) NOT VALID')).toEqual({ level: AE, table: t('a'), scan: false });
    expect(lock('ALTER TABLE a ADD CONSTRAINT k UNIQUE USING INDEX i')).toEqual({ level: AE, table: t('a'), scan: false });
  });

  it('locks the tables a new table references, not the new table', () => {
    expect(lock('CREATE TABLE a (b_id int REFERENCES b, c_id int, FOREIGN KEY (c_id) REFERENCES s.c (id))')).toEqual({
      level: 'none',
      scan: false,
      others: [
        { table: t('b'), level: SRE },
        { table: t('c', 's'), level: SRE },
      ],
    });
  });

  it('reads every row when a new column carries a constraint, an identity or a generated value', () => {
    for (const sql of [
      'ALTER TABLE a ADD COLUMN c int CHECK (c > 0)',
      'ALTER TABLE a ADD COLUMN c int UNIQUE',
      'ALTER TABLE a ADD COLUMN c int PRIMARY KEY',
      'ALTER TABLE a ADD COLUMN c int GENERATED ALWAYS AS IDENTITY',
      'ALTER TABLE a ADD COLUMN c int GENERATED ALWAYS AS (b * 2) STORED',
    ]) {
      expect(lock(sql).scan, sql).toBe(true);
    }
    expect(lock('ALTER TABLE a ADD COLUMN c int REFERENCES b')).toEqual({
      level: AE,
      table: t('a'),
      scan: true,
      others: [{ table: t('b'), level: SRE }],
    });
  });
});

describe('lockOf raw statements', () => {
  const cases: [string, LockInfo][] = [
    ['REINDEX INDEX i', { level: AE, table: t('i'), scan: true }],
    ['REINDEX TABLE s.a', { level: AE, table: t('a', 's'), scan: true }],
    ['REINDEX INDEX CONCURRENTLY i', { level: SUE, table: t('i'), scan: true }],
    ['REINDEX (VERBOSE) TABLE CONCURRENTLY a', { level: SUE, table: t('a'), scan: true }],
    ['REINDEX DATABASE app', { level: AE, scan: true }],
    ['VACUUM a', { level: SUE, table: t('a'), scan: true }],
    ['VACUUM (ANALYZE, VERBOSE) a', { level: SUE, table: t('a'), scan: true }],
    ['ANALYZE a', { level: SUE, table: t('a'), scan: true }],
    ['VACUUM', { level: SUE, scan: true }],
    ['VACUUM FULL a', { level: AE, table: t('a'), scan: true }],
    ['VACUUM (FULL) a', { level: AE, table: t('a'), scan: true }],
    ['VACUUM (FULL true) a', { level: AE, table: t('a'), scan: true }],
    ['VACUUM (FULL false) a', { level: SUE, table: t('a'), scan: true }],
    ['VACUUM (FULL off) a', { level: SUE, table: t('a'), scan: true }],
    ['VACUUM (FULL 0) a', { level: SUE, table: t('a'), scan: true }],
    ['VACUUM (FULL 1, ANALYZE) a', { level: AE, table: t('a'), scan: true }],
    ['VACUUM (FULL FALSE) a', { level: SUE, table: t('a'), scan: true }],
    ['VACUUM FULL a, s.b', { level: AE, table: t('a'), scan: true, others: [{ table: t('b', 's'), level: AE }] }],
    ['CLUSTER a USING a_pkey', { level: AE, table: t('a'), scan: true }],
    ['CLUSTER', { level: AE, scan: true }],
    ['LOCK TABLE a', { level: AE, table: t('a'), scan: false }],
    ['LOCK a IN ACCESS SHARE MODE', { level: 'ACCESS SHARE', table: t('a'), scan: false }],
    ['LOCK a IN ROW SHARE MODE', { level: 'ROW SHARE', table: t('a'), scan: false }],
    ['LOCK a IN ROW EXCLUSIVE MODE', { level: 'ROW EXCLUSIVE', table: t('a'), scan: false }],
    ['LOCK a IN SHARE UPDATE EXCLUSIVE MODE', { level: SUE, table: t('a'), scan: false }],
    ['LOCK a IN SHARE MODE', { level: 'SHARE', table: t('a'), scan: false }],
    ['LOCK a IN SHARE ROW EXCLUSIVE MODE NOWAIT', { level: SRE, table: t('a'), scan: false }],
    ['LOCK a IN EXCLUSIVE MODE', { level: 'EXCLUSIVE', table: t('a'), scan: false }],
    ['LOCK TABLE a, s.b IN ACCESS EXCLUSIVE MODE', { level: AE, table: t('a'), scan: false, others: [{ table: t('b', 's'), level: AE }] }],
    ['TRUNCATE a', { level: AE, table: t('a'), scan: false }],
    ['TRUNCATE ONLY a, b RESTART IDENTITY CASCADE', { level: AE, table: t('a'), scan: false, others: [{ table: t('b'), level: AE }] }],
    ['INSERT INTO a (c) VALUES (1)', { level: 'ROW EXCLUSIVE', table: t('a'), scan: false }],
    ['UPDATE s.a SET c = 1', { level: 'ROW EXCLUSIVE', table: t('a', 's'), scan: true }],
    ['DELETE FROM a WHERE c IS NULL', { level: 'ROW EXCLUSIVE', table: t('a'), scan: true }],
    ['MERGE INTO a USING b ON a.id = b.id WHEN MATCHED THEN DELETE', { level: 'ROW EXCLUSIVE', table: t('a'), scan: true }],
    ['COPY a FROM stdin', { level: 'ROW EXCLUSIVE', table: t('a'), scan: false }],
    ['COPY a TO stdout', { level: 'ACCESS SHARE', table: t('a'), scan: true }],
    ['REFRESH MATERIALIZED VIEW m', { level: AE, table: t('m'), scan: true }],
    ['REFRESH MATERIALIZED VIEW CONCURRENTLY m', { level: 'EXCLUSIVE', table: t('m'), scan: true }],
    ['CREATE TRIGGER tr BEFORE UPDATE ON a FOR EACH ROW EXECUTE FUNCTION f()', { level: SRE, table: t('a'), scan: false }],
    ['CREATE TABLE a_2024 PARTITION OF a FOR VALUES FROM (1) TO (2)', { level: AE, table: t('a'), scan: false }],
    ['CREATE TABLE a2 (LIKE a)', { level: 'none', scan: false }],
    ['ALTER TABLE ONLY a ADD CONSTRAINT k CHECK (c > 0)', { level: AE, table: t('a'), scan: false }],
    ['ALTER TABLE a SET LOGGED', { level: AE, table: t('a'), scan: true }],
    ['ALTER TABLE a DETACH PARTITION a_2023', { level: AE, table: t('a'), scan: false }],
    ['ALTER TABLE a DETACH PARTITION a_2023 CONCURRENTLY', { level: SUE, table: t('a'), scan: false }],
    ['ALTER INDEX i RENAME TO j', { level: AE, table: t('i'), scan: false }],
    ['ALTER DOMAIN d ADD CONSTRAINT k CHECK (VALUE > 0)', { level: AE, scan: false }],
    ['DROP VIEW v', { level: AE, scan: false }],
    ['SELECT 1', { level: 'none', scan: false }],
    ['COMMENT ON TABLE a IS $$x$$', { level: 'none', scan: false }],
    ['SAVEPOINT s', { level: 'none', scan: false }],
  ];

  for (const [sql, expected] of cases) {
    it(sql, () => {
      const ops = operationsOf(parsePostgres(sql));
      expect(ops.map((op) => op.kind)).toEqual(['raw']);
      expect(lockOf(ops[0]!)).toEqual(expected);
    });
  }

  it('locks the table of a raw subcommand inside a larger ALTER TABLE', () => {
    const ops = operationsOf(parsePostgres('ALTER TABLE s.a ADD COLUMN c int, SET UNLOGGED'));
    expect(ops.map(lockOf)).toEqual([
      { level: AE, table: t('a', 's'), scan: false, others: [] },
      { level: AE, table: t('a', 's'), scan: true },
    ]);
  });

  it('falls back to the statement type for a raw operation built without a tree', () => {
    expect(lockOf({ kind: 'raw', sql: 'DROP TYPE e', statement: 'DropStmt', ast: null })).toEqual({ level: AE, scan: false });
  });
});
