/**
 * dbm's on-disk cache: small JSON files under the package's `node_modules/.cache/dbm/`, the folder tools
 * conventionally use for caches (ignored by git and by every package manager's install). A cache is a
 * speed-up only: unreadable, stale or unwritable entries are treated as absent, never as errors.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Bumped whenever the shape of any cached entry changes, so old entries are ignored. */
export const CACHE_FORMAT = 2;

/** Whether caching is on: `DBM_CACHE=0` (or `off`/`false`) turns it off. */
export function cacheEnabled(): boolean {
  const v = process.env.DBM_CACHE;
  return !(v === '0' || v === 'off' || v === 'false');
}

/** The cache folder of a package, or undefined when it has no node_modules (dbm never creates one). */
export function cacheDir(root: string): string | undefined {
  const modules = path.join(root, 'node_modules');
  return cacheEnabled() && existsSync(modules) ? path.join(modules, '.cache', 'dbm') : undefined;
}

/** Reads one entry; undefined when missing, unreadable or of another format. (Synchronous: read on every run, see code/probe.ts.) */
export function readCache<T>(root: string, name: string): T | undefined {
  const dir = cacheDir(root);
  if (!dir) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8')) as { format?: number; value?: T };
    return parsed.format === CACHE_FORMAT ? parsed.value : undefined;
  } catch {
    return undefined;
  }
}

/** Writes one entry atomically (a temporary file renamed over the old one), readable by the owner only. */
export async function writeCache(root: string, name: string, value: unknown): Promise<void> {
  const dir = cacheDir(root);
  if (!dir) return;
  try {
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${name}.json`);
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify({ format: CACHE_FORMAT, value }), { mode: 0o600 });
    await rename(tmp, file);
  } catch {
    // a read-only node_modules only costs speed
  }
}
