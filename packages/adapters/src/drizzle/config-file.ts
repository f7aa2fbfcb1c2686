/** Where a package keeps its drizzle-kit config: the names drizzle-kit looks for, in its order. */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { firstFound } from '../code/first-found.js';

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
  return firstFound(
    DRIZZLE_CONFIG_NAMES.map((name) => join(root, name)),
    async (path) => (await stat(path).catch(() => undefined))?.isFile() ?? false,
  );
}
