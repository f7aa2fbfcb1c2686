/**
 * Small synchronous looks at the file system, for what every verb does before its work: detecting the ORM,
 * checking the project cache, listing the migrations. Node's promise API hands each call to the thread pool,
 * ~0.1 ms a call, against ~10 µs for the synchronous one; detection alone makes some forty (measured: 3–4 ms
 * against 0.3–0.6 ms). dbm does one thing at a time, so nothing else waits behind them.
 */
import { accessSync, readdirSync, readFileSync, statSync, type Dirent, type Stats } from 'node:fs';

/** Whether `path` exists (file, folder or anything else). */
export function exists(path: string): boolean {
  try {
    accessSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The stats of `path`, or undefined when it is missing or cannot be looked at. */
export function statOrUndefined(path: string): Stats | undefined {
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
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The entries of folder `path`, or undefined when it cannot be listed. */
export function entriesOrUndefined(path: string): Dirent[] | undefined {
  try {
    return readdirSync(path, { withFileTypes: true });
  } catch {
    return undefined;
  }
}
