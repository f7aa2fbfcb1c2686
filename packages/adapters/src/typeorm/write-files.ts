/**
 * Writes generated classes into the migrations folder all or nothing: a name already taken is refused
 * before anything is written, and a failed write removes what was written before it.
 */
import { access, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { TypeOrmGenerateError } from './generate-error.js';
import type { ClassFile } from './write.js';

const exists = (file: string) => access(file).then(() => true, () => false);

/** Writes the files; returns their absolute paths. */
export async function writeClassFiles(folder: string, files: readonly ClassFile[]): Promise<string[]> {
  const targets = files.map((f) => path.join(folder, f.fileName));
  for (const t of targets) {
    if (await exists(t)) throw new TypeOrmGenerateError(`${t} already exists: nothing was written; generate again (the timestamp changes) or move that file`);
  }
  await mkdir(folder, { recursive: true });
  const written: string[] = [];
  try {
    for (const [i, t] of targets.entries()) {
      await writeFile(t, files[i]!.text, { flag: 'wx' });
      written.push(t);
    }
  } catch (e) {
    await Promise.all(written.map((w) => rm(w, { force: true })));
    throw e;
  }
  return written;
}
