/** Where a package keeps its drizzle-kit config: the names drizzle-kit looks for, in its order. */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The config file names dbm recognises, the first found wins (drizzle-kit tries .ts, then .js, then .json). */
export const DRIZZLE_CONFIG_NAMES = [
  'drizzle.config.ts',
  'drizzle.config.mts',
  'drizzle.config.cts',
  'drizzle.config.js',
  'drizzle.config.mjs',
  'drizzle.config.cjs',
  'drizzle.config.json',
] as const;

/** The absolute path of the package's drizzle config, or undefined when it has none. */
export async function findDrizzleConfig(root: string): Promise<string | undefined> {
  for (const name of DRIZZLE_CONFIG_NAMES) {
    const path = join(root, name);
    if ((await stat(path).catch(() => undefined))?.isFile()) return path;
  }
  return undefined;
}
