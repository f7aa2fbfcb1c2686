/**
 * Small synchronous looks at the file system, for what every verb does before its work: detecting the ORM,
 * checking the project cache, listing the migrations. Node's promise API hands each call to the thread pool,
 * ~0.1 ms a call, against ~10 µs for the synchronous one; detection alone makes some forty (measured: 3–4 ms
 * against 0.3–0.6 ms). dbm does one thing at a time, so nothing else waits behind them.
 *
 * Every look can be recorded, as a stamp of what it looked at ({@link recordProbes}): detection's result
 * holds as long as those stamps do, so a cached project skips detection (cache/project-cache.ts).
 */
import { accessSync, readdirSync, readFileSync, statSync, type Dirent, type Stats } from 'node:fs';

/** One file or folder as it was: mtime in ms and size in bytes (0 for a folder), both absent when it did not exist. */
export interface Stamp {
  readonly path: string;
  readonly mtimeMs?: number;
  readonly size?: number;
}

/** The stamp of `path` now. A folder's mtime changes when entries are added, removed or renamed in it. */
export function stampOf(path: string): Stamp {
  try {
    const s = statSync(path);
    return { path, mtimeMs: s.mtimeMs, size: s.isDirectory() ? 0 : s.size };
  } catch {
    return { path };
  }
}

type Recording = Map<string, Stamp>;
// recordings that overlap (packages detected side by side) each see every look: more stamps, never fewer
const active = new Set<Recording>();

// stamped before the look: a file changed after its stamp and before it is read fails the stamp later
function note(path: string): void {
  if (!active.size) return;
  let stamp: Stamp | undefined;
  for (const r of active) {
    if (r.has(path)) continue;
    stamp ??= stampOf(path);
    r.set(path, stamp);
  }
}

/** Runs `work`, with a stamp of every path it looked at through this module. */
export async function recordProbes<T>(work: () => Promise<T>): Promise<{ result: T; stamps: Stamp[] }> {
  const recording: Recording = new Map();
  active.add(recording);
  try {
    const result = await work();
    return { result, stamps: [...recording.values()] };
  } finally {
    active.delete(recording);
  }
}

/** Whether `path` exists (file, folder or anything else). */
export function exists(path: string): boolean {
  note(path);
  try {
    accessSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The stats of `path`, or undefined when it is missing or cannot be looked at. */
export function statOrUndefined(path: string): Stats | undefined {
  note(path);
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Whether `path` is a file. */
export function isFile(path: string): boolean {
  return statOrUndefined(path)?.isFile() ?? false;
}

/** The UTF-8 text of `path`, or undefined when it cannot be read (missing, a folder, no permission). */
export function textOrUndefined(path: string): string | undefined {
  note(path);
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The entries of folder `path`, or undefined when it cannot be listed. */
export function entriesOrUndefined(path: string): Dirent[] | undefined {
  note(path);
  try {
    return readdirSync(path, { withFileTypes: true });
  } catch {
    return undefined;
  }
}
