/**
 * drizzle-kit's migrations folder (the `out` of drizzle.config, `drizzle/` by default) → dbm's
 * migration sources. `meta/_journal.json` lists the migrations, in the order drizzle applies them,
 * as `{ idx, version, when, tag, breakpoints }`; each is `<tag>.sql`, its statements separated by
 * `--> statement-breakpoint`. dbm may add a reviewed `<tag>.down.sql` beside it, which drizzle ignores.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MigrationSource } from '@dbm/core';
import { MigrationFolderError } from '../migration-folder-error.js';
import { drizzleHash } from './hash.js';
import { readOptional } from '../code/read-optional.js';
import { statOrUndefined } from '../code/probe.js';

/** The separator drizzle-kit writes between statements. */
export const DRIZZLE_BREAKPOINT = '--> statement-breakpoint';

/** One entry of `meta/_journal.json`. */
export interface DrizzleJournalEntry {
  readonly idx: number;
  readonly version: string;
  /** When drizzle-kit generated the migration (ms since the epoch): drizzle stores it as created_at. */
  readonly when: number;
  readonly tag: string;
  readonly breakpoints: boolean;
}

/** What {@link readDrizzleMigrations} puts in `MigrationSource.meta`. */
export type DrizzleMigrationMeta = {
  readonly when: number;
  readonly idx: number;
  readonly breakpoints: boolean;
  /** The file split on the breakpoint marker, exactly as drizzle's migrator splits it (always, whatever `breakpoints` says). */
  readonly statements: readonly string[];
};

// synchronous reads, as every read of the migrations on a status run (code/probe.ts)
function readJournal(path: string): DrizzleJournalEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new MigrationFolderError(`cannot read drizzle journal ${path}: ${(e as Error).message}`, path);
    throw new MigrationFolderError(`drizzle journal not found: ${path} (is "out" in drizzle.config right? drizzle-kit generate writes meta/_journal.json there)`, path);
  }
  let journal: { entries?: unknown };
  try {
    journal = JSON.parse(text) as { entries?: unknown };
  } catch (e) {
    throw new MigrationFolderError(`drizzle journal ${path} is not valid JSON: ${(e as Error).message}`, path);
  }
  const entries = journal.entries;
  const valid = (e: unknown): e is DrizzleJournalEntry => {
    const x = e as Partial<DrizzleJournalEntry> | null;
    return typeof x?.tag === 'string' && typeof x.when === 'number';
  };
  if (!Array.isArray(entries) || !entries.every(valid)) {
    throw new MigrationFolderError(`drizzle journal ${path} has no valid "entries" list (each needs a "tag" and a numeric "when")`, path);
  }
  return entries;
}

/**
 * Reads the migrations folder in journal order (drizzle applies entries in the order listed, not
 * sorted). The name is the tag, the checksum drizzle's hash, `meta` a {@link DrizzleMigrationMeta}.
 */
export async function readDrizzleMigrations(folder: string): Promise<MigrationSource[]> {
  if (!statOrUndefined(folder)?.isDirectory()) {
    throw new MigrationFolderError(`drizzle migrations folder not found: ${folder} (the "out" of drizzle.config, drizzle/ by default)`, folder);
  }
  const entries = readJournal(join(folder, 'meta', '_journal.json'));
  const sources: MigrationSource[] = [];
  for (const [order, entry] of entries.entries()) {
    const path = join(folder, `${entry.tag}.sql`);
    const sql = readOptional(path);
    if (sql === undefined) {
      throw new MigrationFolderError(`drizzle migration ${entry.tag} is in the journal but ${path} does not exist`, path);
    }
    const downSql = readOptional(join(folder, `${entry.tag}.down.sql`));
    const meta: DrizzleMigrationMeta = {
      when: entry.when,
      idx: entry.idx,
      breakpoints: entry.breakpoints,
      statements: sql.split(DRIZZLE_BREAKPOINT),
    };
    sources.push({ name: entry.tag, checksum: drizzleHash(sql), order, sql, path, meta, ...(downSql === undefined ? {} : { downSql }) });
  }
  return sources;
}
