/**
 * The packages of a workspace: every folder its patterns match that holds a package.json (node_modules
 * never searched; `**` patterns reach nested packages), with its name and the workspace packages it
 * depends on. A package without a name is known by its path, as pnpm lists it.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { WorkspaceError } from './errors.js';
import type { WorkspaceRoot } from './root.js';

/** One package of a workspace. */
export interface WorkspacePackage {
  /** package.json `name`, else the path. */
  readonly name: string;
  /** Absolute folder. */
  readonly dir: string;
  /** Folder relative to the workspace root, with `/` separators (e.g. "apps/api"). */
  readonly path: string;
  /** Names of the workspace packages it depends on (any dependency field). */
  readonly dependsOn: readonly string[];
}

/** A workspace and its packages, sorted by path. */
export interface Workspace extends WorkspaceRoot {
  readonly packages: readonly WorkspacePackage[];
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

interface Manifest {
  readonly name?: unknown;
  readonly [field: string]: unknown;
}

async function readManifest(path: string): Promise<Manifest> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Manifest;
  } catch (e) {
    throw new WorkspaceError(`cannot read ${path}: ${(e as Error).message}`);
  }
}

/** Package folders matched by the patterns, relative to the root (the root itself left out). */
async function packageFolders(ws: WorkspaceRoot): Promise<string[]> {
  const include = ws.patterns.filter((p) => !p.startsWith('!')).map((p) => `${p.replace(/\/+$/, '')}/package.json`);
  // as in pnpm, `!dir` leaves out that package only, not the packages below it
  const exclude = ws.patterns.filter((p) => p.startsWith('!')).map((p) => `${p.slice(1).replace(/\/+$/, '')}/package.json`);
  const { glob } = await import('tinyglobby');
  const files = await glob(include, {
    cwd: ws.root,
    ignore: ['**/node_modules/**', ...exclude],
    onlyFiles: true,
    expandDirectories: false,
    followSymbolicLinks: false,
  });
  return [...new Set(files.map((f) => dirname(f)).filter((d) => d !== '.'))].sort();
}

/** The workspace packages of a root, with the workspace dependencies of each. Two packages of one name are an error. */
export async function discoverWorkspace(ws: WorkspaceRoot): Promise<Workspace> {
  const found = await Promise.all(
    (await packageFolders(ws)).map(async (path) => {
      const dir = join(ws.root, path);
      const manifest = await readManifest(join(dir, 'package.json'));
      const deps = new Set<string>();
      for (const field of DEPENDENCY_FIELDS) {
        const value = manifest[field];
        if (value && typeof value === 'object') for (const name of Object.keys(value)) deps.add(name);
      }
      return { name: typeof manifest.name === 'string' && manifest.name ? manifest.name : path, dir, path, deps };
    }),
  );
  const byName = new Map<string, string>();
  for (const p of found) {
    const other = byName.get(p.name);
    if (other !== undefined) throw new WorkspaceError(`two workspace packages are named "${p.name}": ${other} and ${p.path}; give each a unique "name" in its package.json`);
    byName.set(p.name, p.path);
  }
  // a dependency on a name the workspace has is a workspace dependency (workspace:* or a matching version)
  const packages = found.map(({ deps, ...p }) => ({ ...p, dependsOn: [...deps].filter((d) => d !== p.name && byName.has(d)).sort() }));
  return { ...ws, packages };
}
