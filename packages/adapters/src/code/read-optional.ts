/**
 * Reads a text file that may be absent (a down.sql beside a migration, say). Synchronous, as every read of
 * the migrations on a status run (see probe.ts): a folder of fifty migrations is a hundred of these.
 */
import { readFileSync } from 'node:fs';

/** The file's UTF-8 text, or undefined when it does not exist (nor anything on its path); any other error is thrown. */
export function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw e;
  }
}
