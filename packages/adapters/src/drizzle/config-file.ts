/** Where a package keeps its drizzle-kit config: the names drizzle-kit looks for, in its order. */
import { join } from 'node:path';
import { isFile } from '../code/probe.js';

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
export function findDrizzleConfig(root: string): string | undefined {
  return DRIZZLE_CONFIG_NAMES.map((name) => join(root, name)).find(isFile);
}
