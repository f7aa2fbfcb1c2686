/**
 * Signs of Prisma in a package directory, cheap to look for and never failing: the `prisma` and
 * `@prisma/client` dependencies, a prisma.config.* file, a schema in one of Prisma's default places, and
 * a migrations folder with Prisma's lock file. Reading and validating them is {@link describePrismaProject}'s job.
 */
import { access, readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Evidence } from '../orm-adapter.js';
import { PRISMA_CONFIG_FILES } from './config.js';
import { PRISMA_LOCK_FILE } from './migrations-list.js';

const PACKAGES = ['prisma', '@prisma/client'];
const SCHEMAS = ['prisma/schema.prisma', 'schema.prisma', 'prisma/schema'];

const exists = (path: string) => access(path).then(() => true, () => false);

/** "package.json depends on prisma" for each Prisma package in dependencies or devDependencies; none when unreadable. */
async function prismaDependencies(root: string): Promise<string[]> {
  let pkg: Record<string, unknown>;
  try {
    pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
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
async function migrationsFolder(root: string): Promise<string | undefined> {
  const dir = join(root, 'prisma', 'migrations');
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => undefined);
  if (!entries) return undefined;
  const folders = entries.filter((e) => e.isDirectory()).length;
  if (!folders && !entries.some((e) => e.name === PRISMA_LOCK_FILE)) return undefined;
  return `${relative(root, dir)} (${folders} migration${folders === 1 ? '' : 's'})`;
}

/** Evidence of Prisma in `root`, or undefined when there is none. */
export async function detectPrisma(root: string): Promise<Evidence | undefined> {
  const files = [...PRISMA_CONFIG_FILES, ...SCHEMAS];
  // every look at once; the reasons keep the order above
  const [dependencies, present, migrations] = await Promise.all([
    prismaDependencies(root),
    Promise.all(files.map((name) => exists(join(root, name)))),
    migrationsFolder(root),
  ]);
  const reasons = [...dependencies, ...files.filter((_, i) => present[i])];
  if (migrations) reasons.push(migrations);
  return reasons.length ? { orm: 'prisma', reasons } : undefined;
}
