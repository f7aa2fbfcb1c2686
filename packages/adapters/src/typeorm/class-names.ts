/**
 * The names and timestamps of the migration classes in a set of files, cached by file content. Finding a
 * class's name means running the file (TypeORM names a migration by its instance's `name` or class name),
 * which compiles TypeScript and loads TypeORM; `dbm status` only needs the names, and a file whose
 * content is unchanged exports the same classes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { readCache, writeCache } from '../cache/store.js';
import { loadMigrationClasses } from './classes.js';

/** A migration class as `read` needs it: no class object, so it can be cached. */
export interface ClassName {
  readonly name: string;
  readonly timestamp: number;
  readonly file: string;
}

type Entries = Record<string, { readonly hash: string; readonly classes: readonly { name: string; timestamp: number }[] }>;

// one entry per migrations folder set: packages of a monorepo run from its root keep separate entries
const entryName = (files: readonly string[]) =>
  `typeorm-classes-${createHash('sha256').update([...new Set(files.map((f) => dirname(f)))].sort().join('\n')).digest('hex').slice(0, 12)}`;

/** The classes of each file, in file order; files are loaded only when their content is new. */
export async function migrationClassNames(files: readonly string[], root: string): Promise<ClassName[]> {
  const cached = readCache<Entries>(root, entryName(files)) ?? {};
  const next: Entries = {};
  const out: ClassName[] = [];
  let changed = Object.keys(cached).length !== files.length;
  for (const file of files) {
    const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
    let entry = cached[file];
    if (entry?.hash !== hash) {
      changed = true;
      const classes = (await loadMigrationClasses(file)).map((c) => ({ name: c.name, timestamp: c.timestamp }));
      entry = { hash, classes };
    }
    next[file] = entry;
    for (const c of entry.classes) out.push({ ...c, file });
  }
  if (changed) await writeCache(root, entryName(files), next);
  return out;
}
