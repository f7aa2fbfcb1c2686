import { describe, expect, it } from 'vitest';
import type { LedgerRow, MigrationSource } from './ledger.js';
import { computeStatus } from './status.js';

const src = (name: string, order: number, checksum = `sum-${name}`): MigrationSource => ({ name, order, checksum, path: `m/${name}`, sql: 'SELECT 1' });
const row = (name: string, extra: Partial<LedgerRow> = {}): LedgerRow => ({
  name,
  checksum: `sum-${name}`,
  startedAt: new Date('2026-01-01T00:00:00Z'),
  finishedAt: new Date('2026-01-01T00:00:01Z'),
  ...extra,
});

describe('computeStatus', () => {
  it('reports applied and pending, clean only when nothing is pending', () => {
    const s = computeStatus('prisma', 't', [src('a', 1), src('b', 2)], [row('a')]);
    expect(s.migrations.map((m) => [m.name, m.state])).toEqual([
      ['a', 'applied'],
      ['b', 'pending'],
    ]);
    expect(s.clean).toBe(false);
    expect(computeStatus('prisma', 't', [src('a', 1)], [row('a')]).clean).toBe(true);
  });

  it('reports failed (started, never finished) with the first line of the log', () => {
    const s = computeStatus('prisma', 't', [src('a', 1)], [row('a', { finishedAt: null, logs: '\nERROR: boom\nmore' })]);
    expect(s.migrations[0]).toMatchObject({ state: 'failed', detail: 'ERROR: boom' });
  });

  it('reports a file edited after apply', () => {
    const s = computeStatus('prisma', 't', [src('a', 1, 'new')], [row('a', { checksum: 'old' })]);
    expect(s.migrations[0]!.state).toBe('edited');
  });

  it('reports applied but missing on disk, and pending out of order', () => {
    const s = computeStatus('knex', 't', [src('a', 1), src('b', 2), src('c', 3)], [row('a'), row('c'), row('gone')]);
    expect(s.migrations.map((m) => [m.name, m.state])).toEqual([
      ['a', 'applied'],
      ['b', 'out-of-order'],
      ['c', 'applied'],
      ['gone', 'missing'],
    ]);
    expect(s.counts).toMatchObject({ applied: 2, 'out-of-order': 1, missing: 1 });
  });

  it('ignores rolled-back rows and matches hash-only rows by checksum', () => {
    const s = computeStatus('drizzle', 't', [src('0000_init', 1, 'h1'), src('0001_next', 2, 'h2')], [
      { name: 'h1', checksum: 'h1', finishedAt: new Date() },
      row('0001_next', { checksum: 'h2', rolledBackAt: new Date() }),
    ]);
    expect(s.migrations.map((m) => m.state)).toEqual(['applied', 'pending']);
  });
});
