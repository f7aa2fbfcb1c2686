/**
 * A shared ledger read for one package: the rows that record the other packages' migrations (matched
 * by name, or by checksum for ledgers that keep only a hash, like drizzle's) are theirs, not migrations
 * missing from this package. Rows neither package has stay, and still show as missing.
 */
import type { LedgerRow, MigrationSource } from '@dbm/core';

/** `rows` without those that record a sibling's migration; `shared` counts what was set aside. */
export function ownRows(
  rows: readonly LedgerRow[],
  own: readonly MigrationSource[],
  siblings: readonly MigrationSource[],
): { rows: LedgerRow[]; shared: number } {
  const ownNames = new Set(own.map((s) => s.name));
  const ownSums = new Set(own.map((s) => s.checksum).filter(Boolean));
  const theirNames = new Set(siblings.map((s) => s.name));
  const theirSums = new Set(siblings.map((s) => s.checksum).filter(Boolean));
  const kept = rows.filter((r) => {
    if (ownNames.has(r.name) || (r.checksum && ownSums.has(r.checksum))) return true;
    return !(theirNames.has(r.name) || (r.checksum && theirSums.has(r.checksum)));
  });
  return { rows: kept, shared: rows.length - kept.length };
}
