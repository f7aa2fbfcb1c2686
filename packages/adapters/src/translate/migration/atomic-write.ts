/**
 * Writes a translation's files all or nothing: every file to a temporary name first, then each renamed into
 * place, files replacing an existing one (a journal) last, so until they name the migration nobody runs it.
 * An existing file stops the write before anything is created, unless it is meant to be replaced or `force`.
 */
import { mkdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { TranslateMigrationError } from './errors.js';
import type { TranslatedMigrationFile } from './types.js';

const exists = async (p: string) => (await stat(p).catch(() => undefined)) !== undefined;

/** Folders `mkdir -p` would create for `dir`, outermost first. */
async function missingDirs(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (let d = dir; !(await exists(d)); d = path.dirname(d)) {
    out.unshift(d);
    if (path.dirname(d) === d) break;
  }
  return out;
}

/** Writes `files`; `replaces` may exist already. Returns the paths written. */
export async function writeAtomically(files: readonly TranslatedMigrationFile[], options: { replaces?: readonly string[]; force?: boolean } = {}): Promise<string[]> {
  const replaceable = new Set(options.replaces ?? []);
  for (const f of files) {
    if (!options.force && !replaceable.has(f.path) && (await exists(f.path))) {
      throw new TranslateMigrationError(`${f.path} exists already: nothing was written (use another --name, or --force to replace it)`);
    }
  }
  const created: string[] = [];
  for (const dir of [...new Set(files.map((f) => path.dirname(f.path)))]) {
    const missing = await missingDirs(dir);
    await mkdir(dir, { recursive: true });
    created.push(...missing);
  }
  const temp = (p: string) => `${p}.dbm-${process.pid}.tmp`;
  const ordered = [...files].sort((a, b) => Number(replaceable.has(a.path)) - Number(replaceable.has(b.path)));
  try {
    for (const f of ordered) await writeFile(temp(f.path), f.text, 'utf8');
  } catch (e) {
    await Promise.all(ordered.map((f) => rm(temp(f.path), { force: true })));
    for (const dir of created.reverse()) await rmdir(dir).catch(() => undefined);
    throw e;
  }
  for (const f of ordered) await rename(temp(f.path), f.path);
  return ordered.map((f) => f.path);
}
