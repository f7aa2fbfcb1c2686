/**
 * File stamps: what a cached result was computed from. A stamp records a file's (or folder's) mtime and
 * size, or that it was missing; the result stays valid while every stamp still holds. A folder's mtime
 * changes when entries are added, removed or renamed in it, which is how new config files are noticed.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** One file or folder as it was. */
export interface Stamp {
  readonly path: string;
  /** mtime in ms and size in bytes; both absent when the path did not exist. */
  readonly mtimeMs?: number;
  readonly size?: number;
}

async function stampOf(file: string): Promise<Stamp> {
  try {
    const s = await stat(file);
    return { path: file, mtimeMs: s.mtimeMs, size: s.isDirectory() ? 0 : s.size };
  } catch {
    return { path: file };
  }
}

/** Stamps of the given paths, and of the files directly inside any of them that is a folder. */
export async function stampPaths(paths: Iterable<string>): Promise<Stamp[]> {
  const all = new Set<string>();
  for (const p of paths) {
    all.add(p);
    const entries = await readdir(p, { withFileTypes: true }).catch(() => []);
    for (const e of entries) if (e.isFile()) all.add(path.join(p, e.name));
  }
  return Promise.all([...all].sort().map(stampOf));
}

/** Whether every stamp still matches the file system. */
export async function stampsHold(stamps: readonly Stamp[]): Promise<boolean> {
  const now = await Promise.all(stamps.map((s) => stampOf(s.path)));
  return now.every((n, i) => n.mtimeMs === stamps[i]!.mtimeMs && n.size === stamps[i]!.size);
}
