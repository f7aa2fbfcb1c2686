/**
 * The described project of a package, cached. Describing a project loads its ORM config (a knexfile,
 * a DataSource with its entities, prisma.config.ts) through a TypeScript loader, which costs more than
 * the rest of `dbm status` together; the description only changes when those files or the environment
 * variables they read change, and both are checked on every use.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Evidence, Project } from '../orm-adapter.js';
import { envHolds, recordEnvReads } from './env-reads.js';
import { recordImports } from './imports.js';
import { stampPaths, stampsHold, type Stamp } from './stamps.js';
import { readCache, writeCache } from './store.js';

interface Entry {
  readonly orm: string;
  readonly reasons: readonly string[];
  readonly stamps: readonly Stamp[];
  readonly env: Readonly<Record<string, string | null>>;
  readonly project: Project;
}

// one entry per package folder: node_modules may be shared by several (a symlink, a hoisted workspace)
const entryName = (root: string) => `project-${createHash('sha256').update(root).digest('hex').slice(0, 12)}`;

/**
 * A URL written out in a config file is already on disk; one that came from the environment is not,
 * and must not be copied into the cache.
 */
async function urlOnlyInFiles(project: Project): Promise<boolean> {
  const value = project.url.value;
  if (value === undefined) return true;
  for (const file of [project.configPath, project.schemaPath]) {
    if (!file) continue;
    const text = await readFile(file, 'utf8').catch(() => '');
    if (text.includes(value)) return true;
  }
  return false;
}

/** What the description depends on besides the package folder's own files: the config and schema, and what they imported. */
function dependencies(project: Project, imported: readonly string[]): string[] {
  const paths = [...imported];
  if (project.configPath) paths.push(project.configPath);
  if (project.schemaPath) paths.push(project.schemaPath);
  return paths;
}

/**
 * `describe(root, evidence)`, from the cache when the same evidence was described before and nothing it
 * depended on has changed; otherwise described afresh and cached.
 */
export async function cachedProject(root: string, evidence: Evidence, describe: () => Promise<Project>): Promise<Project> {
  const hit = readCache<Entry>(root, entryName(root));
  if (
    hit &&
    // node_modules may be shared (a symlink, a hoisted workspace folder): an entry is only for its own package
    hit.project.root === root &&
    hit.orm === evidence.orm &&
    JSON.stringify(hit.reasons) === JSON.stringify(evidence.reasons) &&
    envHolds(hit.env) &&
    stampsHold(hit.stamps)
  ) {
    return hit.project;
  }
  // the package's own files are stamped before describing: one edited while it is read fails the check later
  const before = stampPaths([root, path.join(root, 'prisma')]);
  const { result, env } = await recordEnvReads(() => recordImports(describe));
  const { result: project, files } = result;
  if ((await urlOnlyInFiles(project)) && stampsHold(before)) {
    const known = new Set(before.map((s) => s.path));
    const rest = stampPaths(dependencies(project, files).filter((p) => !known.has(p)));
    const stamps = [...before, ...rest.filter((s) => !known.has(s.path))];
    await writeCache(root, entryName(root), { orm: evidence.orm, reasons: evidence.reasons, stamps, env, project } satisfies Entry);
  }
  return project;
}
