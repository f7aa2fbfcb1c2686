/**
 * The shapes `dbm translate` passes between its steps: what a target ORM renders (its project files and
 * ONE baseline migration in its own format), and what a translation did.
 */
import type { Ledger, MigrationSource, SchemaModel, SchemaWarning } from '@dbm/core';
import type { OrmName } from '../open.js';

/** A file of the translated project, relative to the output folder. */
export interface TranslatedFile {
  readonly path: string;
  readonly text: string;
}

/** What a target needs besides the model. */
export interface RenderContext {
  /** The time the baseline is stamped with (file names, journal `when`). */
  readonly now: Date;
  /** Where the source project lives: the target's ORM packages are resolved from there first, then from dbm. */
  readonly root: string;
  /** The environment variable the written config reads the database URL from. */
  readonly urlEnv: string;
  /** The output folder's package.json when it has one already (with --force): its "type" decides module formats. */
  readonly packageJson?: { readonly type?: string };
}

/** The target project as rendered: files, the baseline migration, and what the target could not say. */
export interface TargetRender {
  readonly orm: OrmName;
  readonly files: readonly TranslatedFile[];
  /** The migrations folder, relative to the output folder (what the ORM's config names). */
  readonly migrationsDir: string;
  /** The baseline: the name the ORM's ledger records, and its file (relative). */
  readonly baseline: { readonly name: string; readonly path: string };
  /** Everything the target's schema source cannot express: the baseline carries it as SQL. */
  readonly warnings: readonly SchemaWarning[];
  /**
   * Statements that make the live database spell a default as the target ORM does (same value), run with
   * the ledger baseline so the ORM's generator finds no difference; empty for most targets.
   */
  readonly align: readonly string[];
  /** The target's ledger (default location) and the baseline as that ledger records it (checksum, journal `when`…). */
  readonly record: { readonly ledger: Ledger; readonly source: MigrationSource };
}

/** One target ORM of `dbm translate`: same file name (`translate-target.ts`) in every adapter folder. */
export interface TranslateTarget {
  readonly orm: OrmName;
  /** Renders the target project for `model`. Writes nothing in the output folder. */
  render(model: SchemaModel, ctx: RenderContext): Promise<TargetRender>;
}
