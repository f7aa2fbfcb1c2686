/** Reads a text file that may be absent (a down.sql beside a migration, say). */
import { readFile } from 'node:fs/promises';

/** The file's UTF-8 text, or undefined when it does not exist; any other error is thrown. */
export async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}
