/**
 * File stamps: what a cached result was computed from. A stamp records a file's (or folder's) mtime and
 * size, or that it was missing; the result stays valid while every stamp still holds. A folder's mtime
 * changes when entries are added, removed or renamed in it, which is how new config files are noticed.
 */
import path from 'node:path';
import { entriesOrUndefined, statOrUndefined } from '../code/probe.js';

/** One file or folder as it was. */
export interface Stamp {
  readonly path: string;
  /** mtime in ms and size in bytes; both absent when the path did not exist. */
  readonly mtimeMs?: number;
  readonly size?: number;
}

// synchronous, as every look made before a verb's work (code/probe.ts): the cache is checked on every run
function stampOf(file: string): Stamp {
  const s = statOrUndefined(file);
  return s ? { path: file, mtimeMs: s.mtimeMs, size: s.isDirectory() ? 0 : s.size } : { path: file };
}

/** Stamps of the given paths, and of the files directly inside any of them that is a folder. */
export function stampPaths(paths: Iterable<string>): Stamp[] {
  const all = new Set<string>();
  for (const p of paths) {
    all.add(p);
    for (const e of entriesOrUndefined(p) ?? []) if (e.isFile()) all.add(path.join(p, e.name));
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
