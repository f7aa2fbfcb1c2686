/**
 * Signs of drizzle in a package: drizzle-kit among its dependencies, a drizzle.config.*, or a
 * drizzle-kit journal in the default `drizzle/` folder. drizzle-orm alone is not a sign: it is
 * often used as a query builder beside another ORM's migrations, and without drizzle-kit there are
 * no drizzle migrations to run.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Evidence } from '../orm-adapter.js';
import { findDrizzleConfig } from './config-file.js';

/** The default migrations folder of drizzle-kit, relative to the package. */
export const DRIZZLE_DEFAULT_OUT = 'drizzle';

async function dependencies(root: string): Promise<Set<string>> {
  const text = await readFile(join(root, 'package.json'), 'utf8').catch(() => undefined);
  if (text === undefined) return new Set();
  try {
    const pkg = JSON.parse(text) as Record<string, Record<string, string> | undefined>;
    return new Set(['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].flatMap((k) => Object.keys(pkg[k] ?? {})));
  } catch {
    // a broken package.json is not drizzle's to report; the config file still counts
    return new Set();
  }
}

/** The evidence of drizzle in `root`, or undefined when there is none. */
export async function detectDrizzle(root: string): Promise<Evidence | undefined> {
  const deps = await dependencies(root);
  const reasons: string[] = [];
  const named = ['drizzle-kit', 'drizzle-orm'].filter((d) => deps.has(d));
  const config = await findDrizzleConfig(root);
  const journal = join(root, DRIZZLE_DEFAULT_OUT, 'meta', '_journal.json');
  const hasJournal = (await stat(journal).catch(() => undefined))?.isFile() ?? false;
  if (!deps.has('drizzle-kit') && !config && !hasJournal) return undefined;
  if (named.length) reasons.push(`package.json depends on ${named.join(' and ')}`);
  if (config) reasons.push(basename(config));
  if (hasJournal) reasons.push(`${DRIZZLE_DEFAULT_OUT}/meta/_journal.json`);
  return { orm: 'drizzle', reasons };
}
