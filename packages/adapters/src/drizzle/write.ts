/**
 * Writes a migration into a drizzle-kit migrations folder exactly as `drizzle-kit generate` does:
 * `<tag>.sql`, `meta/<prefix>_snapshot.json` (2-space JSON, no final newline) and the new
 * `meta/_journal.json` entry `{ idx, version, when, tag, breakpoints }`, plus dbm's reviewed
 * `<tag>.down.sql`, which drizzle ignores. Every file goes to a temporary name first and is renamed
 * into place, the journal last: until the journal names the migration, nobody runs it.
 */
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MigrationFolderError } from '../migration-folder-error.js';
import type { DrizzleJournalEntry } from './read.js';

/** The journal drizzle-kit creates in a new folder. */
interface Journal {
  version: string;
  dialect: string;
  entries: DrizzleJournalEntry[];
}

/** drizzle.config `migrations.prefix`: how drizzle-kit numbers migration files. */
export type DrizzlePrefix = 'index' | 'timestamp' | 'supabase' | 'unix' | 'none';

/** The journal of a migrations folder, or drizzle-kit's empty one when the folder is new. */
export async function readJournal(dir: string, dialect = 'postgresql'): Promise<Journal> {
  const path = join(dir, 'meta', '_journal.json');
  const text = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  });
  if (text === undefined) return { version: '7', dialect, entries: [] };
  try {
    const journal = JSON.parse(text) as Journal;
    if (!Array.isArray(journal.entries)) throw new Error('no "entries" list');
    return journal;
  } catch (e) {
    throw new MigrationFolderError(`drizzle journal ${path} cannot be read: ${(e as Error).message}`, path);
  }
}

/** drizzle-kit's tag and file prefix for the next migration (its `prepareMigrationMetadata`). */
export function drizzleTag(idx: number, prefix: DrizzlePrefix, name: string, now: Date): { prefix: string; tag: string } {
  const p =
    prefix === 'index'
      ? idx.toFixed(0).padStart(4, '0')
      : prefix === 'timestamp' || prefix === 'supabase'
        ? now.toISOString().replace('T', '').replaceAll('-', '').replaceAll(':', '').slice(0, 14)
        : prefix === 'unix'
          ? String(Math.floor(now.getTime() / 1000))
          : '';
  return { prefix: p, tag: `${p}_${name}` };
}

/** What {@link writeDrizzleMigration} writes. */
export interface DrizzleMigrationFiles {
  readonly dir: string;
  readonly journal: Journal;
  readonly entry: DrizzleJournalEntry;
  readonly prefix: string;
  readonly sql: string;
  readonly snapshot: string;
  readonly down?: string;
}

const exists = async (path: string) => (await stat(path).catch(() => undefined)) !== undefined;

/** Writes the files; refuses (writing nothing) when one of them exists already. Returns the paths written. */
export async function writeDrizzleMigration(f: DrizzleMigrationFiles): Promise<string[]> {
  const meta = join(f.dir, 'meta');
  const targets: [string, string][] = [
    [join(f.dir, `${f.entry.tag}.sql`), f.sql],
    ...(f.down !== undefined ? [[join(f.dir, `${f.entry.tag}.down.sql`), f.down] as [string, string]] : []),
    [join(meta, `${f.prefix}_snapshot.json`), f.snapshot],
  ];
  for (const [path] of targets) {
    if (await exists(path)) throw new MigrationFolderError(`${path} exists already: dbm generate does not overwrite a migration (use another name)`, path);
  }
  await mkdir(meta, { recursive: true });
  const journal: Journal = { ...f.journal, entries: [...f.journal.entries, f.entry] };
  const all: [string, string][] = [...targets, [join(meta, '_journal.json'), JSON.stringify(journal, null, 2)]];
  const temp = (path: string) => `${path}.dbm-${process.pid}.tmp`;
  try {
    for (const [path, text] of all) await writeFile(temp(path), text);
  } catch (e) {
    await Promise.all(all.map(([path]) => rm(temp(path), { force: true })));
    throw e;
  }
  for (const [path] of all) await rename(temp(path), path);
  return targets.map(([path]) => path);
}
