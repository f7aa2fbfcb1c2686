/** The workspace status as one table: package, ORM, dialect, applied, pending, drift, and a note. */
import type { PackageStatus } from './status-rows.js';

const HEAD = ['package', 'orm', 'dialect', 'applied', 'pending', 'drift', 'note'] as const;
const NUMERIC = new Set([3, 4, 5]);

function note(r: PackageStatus): string {
  if (r.state === 'skipped') return `skipped: ${r.message}`;
  if (r.state !== 'ok') return r.message ?? r.state;
  return r.shared ? `shares its ledger (${r.shared} rows of other packages set aside)` : '';
}

function cells(r: PackageStatus): string[] {
  const n = (v: number | undefined) => (v === undefined ? '-' : String(v));
  return [r.name, r.orm ?? '-', r.dialect ?? '-', n(r.applied), n(r.pending), n(r.drift), note(r)];
}

/** The table, aligned; the note column is last and unpadded, since it can be long. */
export function renderStatusTable(rows: readonly PackageStatus[]): string {
  const table = [HEAD.map((h) => h), ...rows.map(cells)];
  const widths = HEAD.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  return table
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : NUMERIC.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
    .concat('\n');
}

/** The line under the table: totals over the packages that were read. */
export function statusSummary(rows: readonly PackageStatus[]): string {
  const read = rows.filter((r) => r.state === 'ok');
  const sum = (k: 'applied' | 'pending' | 'drift') => read.reduce((t, r) => t + (r[k] ?? 0), 0);
  const parts = [`${read.length} package${read.length === 1 ? '' : 's'} read: ${sum('applied')} applied, ${sum('pending')} pending, ${sum('drift')} drift`];
  const skipped = rows.filter((r) => r.state === 'skipped').length;
  const failed = rows.filter((r) => r.state === 'error' || r.state === 'several').length;
  if (skipped) parts.push(`${skipped} skipped (no ORM)`);
  if (failed) parts.push(`${failed} could not be read`);
  return `${parts.join('; ')}\n`;
}
