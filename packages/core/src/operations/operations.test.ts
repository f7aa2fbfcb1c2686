/**
 * The operation model as data: each factory makes a frozen value of its kind, every operation survives
 * JSON unchanged (operations are stored, diffed and sent between processes), and OPERATION_KINDS is
 * exactly the union's kinds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPostgresParser, operationsOf, parsePostgres } from '../dialects/postgres/parse.js';
import * as model from './index.js';
import { OPERATION_KINDS, type Operation, type OperationKind } from './operation.js';
import { SAMPLES } from './samples.testkit.js';
import { visit, type Visitor } from './visit.js';

await loadPostgresParser();

/** Factories are named after their kind. */
const factoryOf = (kind: OperationKind) => (model as unknown as Record<string, (fields: object) => Operation>)[kind];

/** The operations the PostgreSQL parser makes of the round-trip corpus. */
function corpusOperations(): Operation[] {
  const dir = join(import.meta.dirname, '..', 'dialects', 'postgres', 'testdata');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .flatMap((f) => operationsOf(parsePostgres(readFileSync(join(dir, f), 'utf8'))));
}

describe('OPERATION_KINDS', () => {
  it('lists each kind once', () => {
    expect(new Set(OPERATION_KINDS).size).toBe(OPERATION_KINDS.length);
    expect(OPERATION_KINDS).toHaveLength(24);
  });

  it('is exactly the kinds the factories build', () => {
    // SAMPLES is a Record over OperationKind: the compiler checks it against the union
    expect(Object.keys(SAMPLES).sort()).toEqual([...OPERATION_KINDS].sort());
    for (const kind of OPERATION_KINDS) expect(SAMPLES[kind].kind).toBe(kind);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(OPERATION_KINDS)).toBe(true);
  });

  it('dispatches every kind through an exhaustive visitor', () => {
    const names = Object.fromEntries(OPERATION_KINDS.map((k) => [k, (op: Operation) => op.kind])) as unknown as Visitor<string>;
    for (const kind of OPERATION_KINDS) expect(visit(SAMPLES[kind], names, undefined)).toBe(kind);
  });
});

describe('factories', () => {
  for (const kind of OPERATION_KINDS) {
    it(`${kind}() returns a frozen ${kind}`, () => {
      const factory = factoryOf(kind);
      if (typeof factory !== 'function') throw new Error(`no factory named ${kind}`);
      const { kind: _kind, ...fields } = SAMPLES[kind];
      const op = factory(fields);
      expect(op.kind).toBe(kind);
      expect(Object.isFrozen(op)).toBe(true);
      expect(op).toEqual(SAMPLES[kind]);
      expect(() => {
        (op as { kind: string }).kind = 'raw';
      }).toThrow(TypeError);
    });
  }

  it('puts kind first, and a stray kind among the fields cannot change it', () => {
    // spreading another operation into a factory is easy to write and type-checks
    const op = model.setNotNull({ ...model.dropNotNull({ table: { name: 't' }, column: 'c' }) });
    expect(op.kind).toBe('setNotNull');
    expect(Object.keys(op)[0]).toBe('kind');
  });
});

describe('JSON', () => {
  const roundTrip = (op: Operation): unknown => JSON.parse(JSON.stringify(op));

  for (const kind of OPERATION_KINDS) {
    it(`${kind} survives JSON.stringify / JSON.parse unchanged`, () => {
      expect(roundTrip(SAMPLES[kind])).toStrictEqual({ ...SAMPLES[kind] });
    });
  }

  it('every operation parsed from the corpus survives JSON unchanged', () => {
    const ops = corpusOperations();
    expect(ops.length).toBeGreaterThan(300);
    const changed = ops.filter((op) => JSON.stringify(roundTrip(op)) !== JSON.stringify(op) || !sameShape(roundTrip(op), op));
    expect(changed).toEqual([]);
  });

  it('the corpus exercises every kind', () => {
    const seen = new Set(corpusOperations().map((op) => op.kind));
    expect([...OPERATION_KINDS].filter((k) => !seen.has(k))).toEqual([]);
  });
});

/** Deep equality that also fails on keys whose value is undefined (JSON would silently drop them). */
function sameShape(a: unknown, b: unknown): boolean {
  try {
    expect(a).toStrictEqual(JSON.parse(JSON.stringify(b)));
    return !hasUndefined(b);
  } catch {
    return false;
  }
}

function hasUndefined(value: unknown): boolean {
  if (value === undefined) return true;
  if (!value || typeof value !== 'object') return false;
  return Object.values(value).some(hasUndefined);
}
