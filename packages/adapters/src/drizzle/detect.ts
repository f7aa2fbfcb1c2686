/**
 * Signs of drizzle in a package: drizzle-kit among its dependencies, a drizzle.config.*, or a
 * drizzle-kit journal in the default `drizzle/` folder. drizzle-orm alone is not a sign: it is
 * often used as a query builder beside another ORM's migrations, and without drizzle-kit there are
 * no drizzle migrations to run.
 */
import { basename, join } from 'node:path';
import { isFile, textOrUndefined } from '../code/probe.js';
import type { Evidence } from '../orm-adapter.js';
import { findDrizzleConfig } from './config-file.js';

/** The default migrations folder of drizzle-kit, relative to the package. */
export const DRIZZLE_DEFAULT_OUT = 'drizzle';

function dependencies(root: string): Set<string> {
  const text = textOrUndefined(join(root, 'package.json'));
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
  const deps = dependencies(root);
  const reasons: string[] = [];
  const named = ['drizzle-kit', 'drizzle-orm'].filter((d) => deps.has(d));
  const config = findDrizzleConfig(root);
  const journal = join(root, DRIZZLE_DEFAULT_OUT, 'meta', '_journal.json');
  const hasJournal = isFile(journal);
  if (!deps.has('drizzle-kit') && !config && !hasJournal) return undefined;
  if (named.length) reasons.push(`package.json depends on ${named.join(' and ')}`);
  if (config) reasons.push(basename(config));
  if (hasJournal) reasons.push(`${DRIZZLE_DEFAULT_OUT}/meta/_journal.json`);
  return { orm: 'drizzle', reasons };
}
