/**
 * File stamps: what a cached result was computed from. A stamp records a file's (or folder's) mtime and
 * size, or that it was missing; the result stays valid while every stamp still holds. A folder's mtime
 * changes when entries are added, removed or renamed in it, which is how new config files are noticed.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { stampOf, type Stamp } from '../code/probe.js';

export type { Stamp };

// synchronous, as every look made before a verb's work (code/probe.ts); not recorded: these are the cache's own looks
function entries(dir: string) {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** Stamps of the given paths, and of the files directly inside any of them that is a folder. */
export function stampPaths(paths: Iterable<string>): Stamp[] {
  const all = new Set<string>();
  for (const p of paths) {
    all.add(p);
    for (const e of entries(p)) if (e.isFile()) all.add(path.join(p, e.name));
  }
  return [...all].sort().map(stampOf);
}

/** Whether every stamp still matches the file system. */
export function stampsHold(stamps: readonly Stamp[]): boolean {
  return stamps.every((s) => {
    const now = stampOf(s.path);
    return now.mtimeMs === s.mtimeMs && now.size === s.size;
  });
}
