/** What each target's writer gets and returns. */
import type { MigrationPlan } from './plan.js';
import type { TranslatedMigrationFile, TranslateMigrationWarning } from './types.js';

/** Where and under what name a writer writes. */
export interface WriteContext {
  /** The target's migrations folder, absolute. */
  readonly outDir: string;
  /** The migration's bare name (no stamp), as the source or --name gave it. */
  readonly name: string;
  /** Its timestamp. */
  readonly time: Date;
}

/** The files of the translated migration, and what only this target warns about. */
export interface WriterOutput {
  /** The name the target's ledger records. */
  readonly migration: string;
  readonly files: readonly TranslatedMigrationFile[];
  readonly warnings: readonly TranslateMigrationWarning[];
  /** Paths among `files` that are meant to replace an existing file (drizzle's journal). */
  readonly replaces?: readonly string[];
}

/** A target's writer. */
export type MigrationWriter = (plan: MigrationPlan, ctx: WriteContext) => Promise<WriterOutput>;
