/**
 * Which migration each `__drizzle_migrations` row records. drizzle stores no name, only the file's
 * hash and the journal's `when` (as created_at), so dbm matches rows to the migrations on disk:
 * first a source with the same `when` and the same hash; then the same `when` (the file was edited
 * after it was applied: the row keeps the old hash, which is how an edit shows); then the same hash
 * (the journal's `when` was changed). A row nothing matches records a migration dbm does not have.
 */
import type { MigrationSource } from '@dbm/core';

/** A raw row of drizzle's ledger. */
export interface DrizzleRow {
  readonly id: number;
  readonly hash: string;
  /** The journal `when` of the migration (bigint, read as a number). */
  readonly createdAt: number | null;
}

/** The journal `when` the reader put in a source's meta, if any. */
export function whenOf(source: MigrationSource): number | undefined {
  const when = source.meta?.when;
  return typeof when === 'number' ? when : undefined;
}

/** The source `row` records, or undefined when none on disk does. */
export function matchRow(row: DrizzleRow, sources: readonly MigrationSource[]): MigrationSource | undefined {
  const sameWhen = sources.filter((s) => row.createdAt !== null && whenOf(s) === row.createdAt);
  return (
    sameWhen.find((s) => s.checksum === row.hash) ??
    sameWhen[0] ??
    sources.find((s) => s.checksum === row.hash)
  );
}
