/**
 * invert / invertAll: the reverse of each reversible kind, a reason for each irreversible one, and a
 * sequence reversed last-first that stops at the first operation it cannot undo.
 */
import { describe, expect, it } from 'vitest';
import { compilePostgres } from '../dialects/postgres/compile.js';
import { loadPostgresParser, operationsOf, parsePostgres } from '../dialects/postgres/parse.js';
import * as model from './index.js';
import { invert, invertAll } from './invert.js';
import { OPERATION_KINDS, type Operation, type OperationKind } from './operation.js';
import { SAMPLES } from './samples.testkit.js';

await loadPostgresParser();

/** The SQL of the operations that undo `sql`, or the reason there are none. */
function reverseOf(sql: string): string[] | string {
  const ops = operationsOf(parsePostgres(sql));
  expect(ops, sql).toHaveLength(1);
  const inv = invert(ops[0]!);
  return inv.reversible ? inv.ops.map(compilePostgres) : inv.reason;
}

const REVERSIBLE: Record<string, string[]> = {
  'CREATE TABLE s.t (id int)': ['DROP TABLE "s"."t"'],
  'CREATE TABLE IF NOT EXISTS t (id int)': ['DROP TABLE "t"'],
  'ALTER TABLE s.t RENAME TO u': ['ALTER TABLE "s"."u" RENAME TO "t"'],
  'ALTER TABLE t ADD COLUMN c int NOT NULL DEFAULT 0': ['ALTER TABLE "t" DROP COLUMN "c"'],
  'ALTER TABLE t RENAME COLUMN a TO b': ['ALTER TABLE "t" RENAME COLUMN "b" TO "a"'],
  'ALTER TABLE t ALTER COLUMN c SET NOT NULL': ['ALTER TABLE "t" ALTER COLUMN "c" DROP NOT NULL'],
  'ALTER TABLE t ALTER COLUMN c DROP NOT NULL': ['ALTER TABLE "t" ALTER COLUMN "c" SET NOT NULL'],
  'CREATE INDEX i ON s.t (c)': ['DROP INDEX "s"."i"'],
  'CREATE UNIQUE INDEX CONCURRENTLY i ON t (c)': ['DROP INDEX CONCURRENTLY "i"'],
  'ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (c) REFERENCES u (id) NOT VALID': ['ALTER TABLE "t" DROP CONSTRAINT "fk"'],
  'ALTER TABLE t ADD CONSTRAINT ck CHECK (c > 0)': ['ALTER TABLE "t" DROP CONSTRAINT "ck"'],
  'ALTER TABLE t ADD CONSTRAINT uq UNIQUE (c)': ['ALTER TABLE "t" DROP CONSTRAINT "uq"'],
  'ALTER TABLE t ADD CONSTRAINT pk PRIMARY KEY (c)': ['ALTER TABLE "t" DROP CONSTRAINT "pk"'],
  'ALTER TABLE t VALIDATE CONSTRAINT ck': [],
  "CREATE TYPE s.\"Mood\" AS ENUM ('a')": ['DROP TYPE "s"."Mood"'],
  "SET lock_timeout = '1s'": [],
  BEGIN: [],
};

const IRREVERSIBLE: Record<string, RegExp> = {
  'DROP TABLE t': /rows/,
  'ALTER TABLE t DROP COLUMN c': /values/,
  'ALTER TABLE t ALTER COLUMN c TYPE bigint': /previous type/,
  'ALTER TABLE t ALTER COLUMN c SET DEFAULT 1': /previous default/,
  'ALTER TABLE t ALTER COLUMN c DROP DEFAULT': /dropped default/,
  'DROP INDEX i': /index definition/,
  'ALTER TABLE t DROP CONSTRAINT k': /constraint definition/,
  "ALTER TYPE e ADD VALUE 'x'": /cannot remove a value/,
  'CREATE INDEX ON t (c)': /no name/,
  'ALTER TABLE t ADD FOREIGN KEY (c) REFERENCES u': /no name/,
  'ALTER TABLE t ADD CHECK (c > 0)': /no name/,
  'ALTER TABLE t ADD UNIQUE (c)': /no name/,
  'ALTER TABLE t ADD PRIMARY KEY (c)': /no name/,
  'TRUNCATE t': /TruncateStmt.*not modelled/,
};

describe('invert', () => {
  for (const [sql, expected] of Object.entries(REVERSIBLE)) {
    it(`reverses ${sql}`, () => expect(reverseOf(sql)).toEqual(expected));
  }

  for (const [sql, reason] of Object.entries(IRREVERSIBLE)) {
    it(`refuses ${sql} with a reason`, () => {
      const result = reverseOf(sql);
      expect(typeof result).toBe('string');
      expect(result).toMatch(reason);
    });
  }

  it('covers every kind', () => {
    const kinds = (sqls: string[]) => sqls.map((s) => operationsOf(parsePostgres(s))[0]!.kind);
    const covered = new Set<OperationKind>([...kinds(Object.keys(REVERSIBLE)), ...kinds(Object.keys(IRREVERSIBLE))]);
    expect(OPERATION_KINDS.filter((k) => !covered.has(k))).toEqual([]);
  });

  it('returns an operation that inverts back to the original for the self-inverse kinds', () => {
    for (const kind of ['renameTable', 'renameColumn', 'setNotNull', 'dropNotNull'] as const) {
      const op = SAMPLES[kind];
      const once = invert(op);
      if (!once.reversible) throw new Error(kind);
      const twice = invert(once.ops[0]!);
      if (!twice.reversible) throw new Error(kind);
      const { loc: _loc, ...bare } = op as Operation & { ifExists?: boolean };
      expect({ ...twice.ops[0]!, ...('ifExists' in bare ? { ifExists: bare.ifExists } : {}) }).toEqual(bare);
    }
  });

  it('gives a reverse that compiles to SQL PostgreSQL parses', () => {
    for (const kind of OPERATION_KINDS) {
      const inv = invert(SAMPLES[kind]);
      if (!inv.reversible) continue;
      for (const op of inv.ops) expect(() => parsePostgres(compilePostgres(op))).not.toThrow();
    }
  });
});

describe('invertAll', () => {
  const ops = (sql: string) => operationsOf(parsePostgres(sql));

  it('reverses the order of the operations', () => {
    const result = invertAll(ops('CREATE TABLE t (id int); ALTER TABLE t ADD COLUMN c int; CREATE INDEX i ON t (c);'));
    expect(result.reversible).toBe(true);
    expect(result.reversible && result.ops.map(compilePostgres)).toEqual([
      'DROP INDEX "i"',
      'ALTER TABLE "t" DROP COLUMN "c"',
      'DROP TABLE "t"',
    ]);
  });

  it('flattens operations whose reverse is several or none', () => {
    const result = invertAll(ops("BEGIN; SET lock_timeout = '1s'; ALTER TABLE t VALIDATE CONSTRAINT k; COMMIT;"));
    expect(result).toEqual({ reversible: true, ops: [] });
  });

  it('stops at the first operation it cannot undo, undoing nothing', () => {
    const sequence = ops('ALTER TABLE t ADD COLUMN a int; ALTER TABLE t DROP COLUMN b; DROP TABLE u; CREATE INDEX i ON t (a);');
    const result = invertAll(sequence);
    expect(result.reversible).toBe(false);
    if (result.reversible) return;
    // undoing runs last-first: the index drops fine, then DROP TABLE u cannot be undone
    expect(result.op).toBe(sequence[2]);
    expect(result.reason).toMatch(/rows/);
    expect('ops' in result).toBe(false);
  });

  it('reverses an empty sequence to nothing', () => {
    expect(invertAll([])).toEqual({ reversible: true, ops: [] });
  });

  it('never changes the operations it is given', () => {
    const sequence = ops('CREATE TABLE t (id int); ALTER TABLE t RENAME TO u;');
    const before = JSON.stringify(sequence);
    invertAll(sequence);
    expect(JSON.stringify(sequence)).toBe(before);
    expect(model.OPERATION_KINDS).toContain(sequence[0]!.kind);
  });
});
