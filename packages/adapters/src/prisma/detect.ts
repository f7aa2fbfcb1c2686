/**
 * Signs of Prisma in a package directory, cheap to look for and never failing: the `prisma` and
 * `@prisma/client` dependencies, a prisma.config.* file, a schema in one of Prisma's default places, and
 * a migrations folder with Prisma's lock file. Reading and validating them is {@link describePrismaProject}'s job.
 */
import { join, relative } from 'node:path';
import { entriesOrUndefined, exists, textOrUndefined } from '../code/probe.js';
import type { Evidence } from '../orm-adapter.js';
import { PRISMA_CONFIG_FILES } from './config.js';
import { PRISMA_LOCK_FILE } from './migrations-list.js';

const PACKAGES = ['prisma', '@prisma/client'];
const SCHEMAS = ['prisma/schema.prisma', 'schema.prisma', 'prisma/schema'];

/** "package.json depends on prisma" for each Prisma package in dependencies or devDependencies; none when unreadable. */
function prismaDependencies(root: string): string[] {
  let pkg: Record<string, unknown>;
  try {
    pkg = JSON.parse(textOrUndefined(join(root, 'package.json')) ?? '') as Record<string, unknown>;
  } catch {
    return [];
  }
  const declared = (field: string) => {
    const deps = pkg[field];
    return deps && typeof deps === 'object' ? Object.keys(deps) : [];
  };
  const names = new Set([...declared('dependencies'), ...declared('devDependencies')]);
  return PACKAGES.filter((name) => names.has(name)).map((name) => `package.json depends on ${name}`);
}

/** "prisma/migrations (3 migrations)" when the default folder holds Prisma's lock file or migration folders. */
function migrationsFolder(root: string): string | undefined {
  const dir = join(root, 'prisma', 'migrations');
  const entries = entriesOrUndefined(dir);
  if (!entries) return undefined;
  const folders = entries.filter((e) => e.isDirectory()).length;
  if (!folders && !entries.some((e) => e.name === PRISMA_LOCK_FILE)) return undefined;
  return `${relative(root, dir)} (${folders} migration${folders === 1 ? '' : 's'})`;
}

/** Evidence of Prisma in `root`, or undefined when there is none. */
export async function detectPrisma(root: string): Promise<Evidence | undefined> {
  const files = [...PRISMA_CONFIG_FILES, ...SCHEMAS];
  const reasons = [...prismaDependencies(root), ...files.filter((name) => exists(join(root, name)))];
  const migrations = migrationsFolder(root);
  if (migrations) reasons.push(migrations);
  return reasons.length ? { orm: 'prisma', reasons } : undefined;
}
