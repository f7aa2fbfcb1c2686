/**
 * Writing the translated project all or nothing: every file goes to a temporary folder beside the output
 * folder first (same file system), then moves into place with renames; `undo` puts back what was there.
 * A new or empty output folder is replaced by the temporary one in a single rename.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { TranslatedFile } from './types.js';
import { TranslateError } from './translate-error.js';

/** What is in the output folder already. */
export interface OutState {
  readonly exists: boolean;
  readonly empty: boolean;
  /** Its package.json, when it has one. */
  readonly packageJson?: { readonly type?: string };
}

/** Looks at the output folder; refuses a non-empty one unless `force`. */
export async function inspectOut(out: string, force: boolean): Promise<OutState> {
  const info = await stat(out).catch(() => undefined);
  if (!info) return { exists: false, empty: true };
  if (!info.isDirectory()) throw new TranslateError(`${out} exists and is not a folder: choose another --out`);
  const entries = await readdir(out);
  if (entries.length && !force) throw new TranslateError(`${out} is not empty: choose another --out, or pass --force to write into it`);
  const text = await readFile(join(out, 'package.json'), 'utf8').catch(() => undefined);
  let packageJson: { type?: string } | undefined;
  try {
    packageJson = text === undefined ? undefined : (JSON.parse(text) as { type?: string });
  } catch {
    throw new TranslateError(`${join(out, 'package.json')} is not valid JSON: fix it or choose another --out`);
  }
  return { exists: true, empty: entries.length === 0, ...(packageJson ? { packageJson } : {}) };
}

/** Files staged in a temporary folder, ready to move into place. */
export interface Staged {
  /** Moves the files into the output folder; returns how to undo that. */
  commit(): Promise<() => Promise<void>>;
  /** Removes the temporary folder (after commit, or instead of it). */
  discard(): Promise<void>;
}

/** Writes `files` into a temporary folder beside `out`. */
export async function stage(out: string, state: OutState, files: readonly TranslatedFile[]): Promise<Staged> {
  await mkdir(dirname(out), { recursive: true });
  const temp = join(dirname(out), `.${basename(out)}.dbm-${process.pid}-${randomBytes(3).toString('hex')}`);
  const backup = `${temp}.backup`;
  try {
    for (const f of files) {
      await mkdir(dirname(join(temp, f.path)), { recursive: true });
      await writeFile(join(temp, f.path), f.text);
    }
  } catch (e) {
    await rm(temp, { recursive: true, force: true });
    throw e;
  }
  const discard = async () => {
    await rm(temp, { recursive: true, force: true });
    await rm(backup, { recursive: true, force: true });
  };
  const commit = async (): Promise<() => Promise<void>> => {
    if (state.empty) {
      if (state.exists) await rmdir(out);
      await rename(temp, out);
      return async () => rm(out, { recursive: true, force: true });
    }
    // --force into a folder with files: move each file, keeping what it replaces until the end
    const moved: { path: string; replaced: boolean }[] = [];
    for (const f of files) {
      const to = join(out, f.path);
      await mkdir(dirname(to), { recursive: true });
      const replaced = (await stat(to).catch(() => undefined)) !== undefined;
      if (replaced) {
        await mkdir(dirname(join(backup, f.path)), { recursive: true });
        await rename(to, join(backup, f.path));
      }
      await rename(join(temp, f.path), to);
      moved.push({ path: f.path, replaced });
    }
    return async () => {
      for (const m of moved.reverse()) {
        await rm(join(out, m.path), { force: true });
        if (m.replaced) await rename(join(backup, m.path), join(out, m.path));
      }
    };
  };
  return { commit, discard };
}
