/**
 * Status: which migrations are applied, pending, failed, edited after apply, applied but missing on disk,
 * or pending out of order — from the files and the ORM's own ledger, matched by name (then by checksum),
 * never by a timestamp rule.
 */
import type pg from 'pg';
import type { Ledger, LedgerRow, MigrationSource } from './ledger.js';

/** The state of one migration. */
export type MigrationState = 'applied' | 'pending' | 'failed' | 'edited' | 'missing' | 'out-of-order';

/** One line of a status report. */
export interface MigrationStatus {
  readonly name: string;
  readonly state: MigrationState;
  readonly appliedAt?: string;
  readonly path?: string;
  /** Why the state is not plain applied/pending. */
  readonly detail?: string;
}

/** The status of one ledger. */
export interface StatusReport {
  readonly orm: string;
  readonly ledger: string;
  readonly migrations: MigrationStatus[];
  readonly counts: Record<MigrationState, number>;
  /** Nothing pending, failed, edited, missing or out of order. */
  readonly clean: boolean;
}

/** The latest row that was not rolled back, per migration name. */
function liveRows(rows: readonly LedgerRow[]): Map<string, LedgerRow> {
  const out = new Map<string, LedgerRow>();
  for (const r of rows) if (!r.rolledBackAt) out.set(r.name, r);
  return out;
}

/** Matches ledger rows to sources: by name, else (ledgers that store only a hash) by checksum. */
function matchRows(sources: readonly MigrationSource[], rows: readonly LedgerRow[]): { bySource: Map<string, LedgerRow>; unmatched: LedgerRow[] } {
  const live = liveRows(rows);
  const bySource = new Map<string, LedgerRow>();
  const used = new Set<LedgerRow>();
  for (const s of sources) {
    const r = live.get(s.name);
    if (r) {
      bySource.set(s.name, r);
      used.add(r);
    }
  }
  const byChecksum = new Map<string, LedgerRow>();
  for (const r of live.values()) if (!used.has(r) && r.checksum) byChecksum.set(r.checksum, r);
  for (const s of sources) {
    if (bySource.has(s.name) || !s.checksum) continue;
    const r = byChecksum.get(s.checksum);
    if (r) {
      bySource.set(s.name, r);
      used.add(r);
      byChecksum.delete(s.checksum);
    }
  }
  return { bySource, unmatched: [...live.values()].filter((r) => !used.has(r)) };
}

/** Computes the status from sources and rows (pure). */
export function computeStatus(orm: string, ledger: string, sources: readonly MigrationSource[], rows: readonly LedgerRow[]): StatusReport {
  const sorted = [...sources].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
  const { bySource, unmatched } = matchRows(sorted, rows);
  let lastApplied = -1;
  sorted.forEach((s, i) => {
    if (bySource.has(s.name)) lastApplied = i;
  });
  const migrations: MigrationStatus[] = sorted.map((s, i) => {
    const row = bySource.get(s.name);
    const base = { name: s.name, path: s.path };
    if (!row) {
      return i < lastApplied
        ? { ...base, state: 'out-of-order', detail: 'pending, but a later migration is already applied' }
        : { ...base, state: 'pending' };
    }
    const appliedAt = (row.finishedAt ?? row.startedAt)?.toISOString();
    const at = appliedAt ? { appliedAt } : {};
    if (row.finishedAt === null) return { ...base, ...at, state: 'failed', detail: row.logs ? firstLine(row.logs) : 'started but never finished' };
    if (s.checksum && row.checksum && s.checksum !== row.checksum) {
      return { ...base, ...at, state: 'edited', detail: 'the file changed after it was applied (checksum differs)' };
    }
    return { ...base, ...at, state: 'applied' };
  });
  for (const r of unmatched) {
    const appliedAt = (r.finishedAt ?? r.startedAt)?.toISOString();
    migrations.push({ name: r.name, state: 'missing', ...(appliedAt ? { appliedAt } : {}), detail: 'applied, but the file is missing on disk' });
  }
  const counts: Record<MigrationState, number> = { applied: 0, pending: 0, failed: 0, edited: 0, missing: 0, 'out-of-order': 0 };
  for (const m of migrations) counts[m.state]++;
  return { orm, ledger, migrations, counts, clean: migrations.every((m) => m.state === 'applied') };
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim()) ?? text;
}

/** Reads the ledger (read-only: an absent ledger table reads as nothing applied) and computes the status. */
export async function readStatus(client: pg.ClientBase, ledger: Ledger, sources: readonly MigrationSource[]): Promise<StatusReport> {
  // read() gives no rows for an absent table (the Ledger contract): asking exists() first was one more round trip
  const rows = await ledger.read(client);
  return computeStatus(ledger.orm, ledger.table, sources, rows);
}
