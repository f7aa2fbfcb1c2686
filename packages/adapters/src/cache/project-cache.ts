/**
 * The described project of a package, cached. Describing a project loads its ORM config (a knexfile,
 * a DataSource with its entities, prisma.config.ts) through a TypeScript loader, which costs more than
 * the rest of `dbm status` together; the description only changes when those files or the environment
 * variables they read change, and both are checked on every use. Detection is skipped too while every
 * path it looked at is as it was ({@link knownProject}): in a package with a src/ tree, looking for a
 * TypeORM DataSource alone reads every source file.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OrmName } from '../open.js';
import type { Evidence, Project } from '../orm-adapter.js';
import { envHolds, recordEnvReads } from './env-reads.js';
import { recordImports } from './imports.js';
import { stampPaths, stampsHold, type Stamp } from './stamps.js';
import { readCache, writeCache } from './store.js';

interface Entry {
  readonly orm: string;
  readonly reasons: readonly string[];
  /** The ORM chosen with --orm (or the config), null when detection chose. */
  readonly chosen: OrmName | null;
  /** Every path detection looked at, as it was. */
  readonly probes: readonly Stamp[];
  readonly stamps: readonly Stamp[];
  readonly env: Readonly<Record<string, string | null>>;
  readonly project: Project;
}

/** How detection went: what it found, the ORM asked for, and the stamps of what it looked at. */
export interface Detection {
  readonly evidence: Evidence;
  readonly chosen: OrmName | undefined;
  readonly probes: readonly Stamp[];
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
 * The project of `root` without detecting it again: the cached one, when it was detected with the same
 * choice of ORM, every path detection looked at is unchanged, and so is all its description depended on.
 */
export function knownProject(root: string, chosen: OrmName | undefined): Project | undefined {
  const hit = readCache<Entry>(root, entryName(root));
  const holds =
    hit !== undefined &&
    hit.project.root === root &&
    hit.chosen === (chosen ?? null) &&
    Array.isArray(hit.probes) &&
    envHolds(hit.env) &&
    stampsHold(hit.probes) &&
    stampsHold(hit.stamps);
  return holds ? hit.project : undefined;
}

/**
 * `describe(root, evidence)`, from the cache when the same evidence was described before and nothing it
 * depended on has changed; otherwise described afresh and cached.
 */
export async function cachedProject(root: string, detection: Detection, describe: () => Promise<Project>): Promise<Project> {
  const { evidence } = detection;
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
    // the same description, found by another detection (another --orm, a path detection looks at changed):
    // kept with this one's stamps, so the next run skips detection
    const chosen = detection.chosen ?? null;
    if (hit.chosen !== chosen || JSON.stringify(hit.probes) !== JSON.stringify(detection.probes)) {
      await writeCache(root, entryName(root), { ...hit, chosen, probes: detection.probes } satisfies Entry);
    }
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
    const entry: Entry = { orm: evidence.orm, reasons: evidence.reasons, chosen: detection.chosen ?? null, probes: detection.probes, stamps, env, project };
    await writeCache(root, entryName(root), entry);
  }
  return project;
}
