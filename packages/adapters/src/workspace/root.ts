/**
 * Where a workspace starts: a folder whose pnpm-workspace.yaml lists `packages`, or whose package.json
 * has `workspaces` (npm and yarn: an array, or yarn's `{ packages: [...] }`). A pnpm-workspace.yaml
 * without `packages` only holds settings (pnpm 10+ keeps `allowBuilds` there): that folder is a single
 * package, not a workspace.
 */
import { readOptional } from '../code/read-optional.js';
import { dirname, join, resolve } from 'node:path';
import { WorkspaceError } from './errors.js';

/** A workspace root and the package patterns it declares. */
export interface WorkspaceRoot {
  readonly root: string;
  /** The file the patterns come from. */
  readonly source: 'pnpm-workspace.yaml' | 'package.json';
  /** Globs of package folders, relative to the root; `!` patterns exclude. */
  readonly patterns: readonly string[];
}

function stringList(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new WorkspaceError(`${where} must be a list of package folder globs, e.g. ["apps/*", "packages/*"]`);
  }
  return value as string[];
}

async function pnpmPatterns(dir: string): Promise<string[] | undefined> {
  const path = join(dir, 'pnpm-workspace.yaml');
  const text = readOptional(path);
  if (text === undefined) return undefined;
  // loaded only when there is a file to parse: every dbm command passes through here
  const { parse } = await import('yaml');
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new WorkspaceError(`cannot parse ${path}: ${(e as Error).message.split('\n')[0]}`);
  }
  const packages = (doc as { packages?: unknown } | null)?.packages;
  return packages === undefined ? undefined : stringList(packages, `"packages" in ${path}`);
}

function manifestPatterns(dir: string): string[] | undefined {
  const path = join(dir, 'package.json');
  const text = readOptional(path);
  if (text === undefined) return undefined;
  let manifest: { workspaces?: unknown };
  try {
    manifest = JSON.parse(text) as { workspaces?: unknown };
  } catch (e) {
    throw new WorkspaceError(`cannot parse ${path}: ${(e as Error).message}`);
  }
  const ws = manifest.workspaces;
  if (ws === undefined) return undefined;
  // yarn classic also accepts { packages: [...], nohoist: [...] }
  const list = Array.isArray(ws) ? ws : (ws as { packages?: unknown } | null)?.packages;
  return stringList(list, `"workspaces" in ${path}`);
}

/** The workspace whose root is exactly `dir`, or undefined when `dir` declares no packages. */
export async function readWorkspaceRoot(dir: string): Promise<WorkspaceRoot | undefined> {
  const root = resolve(dir);
  const pnpm = await pnpmPatterns(root);
  if (pnpm?.length) return { root, source: 'pnpm-workspace.yaml', patterns: pnpm };
  const npm = manifestPatterns(root);
  if (npm?.length) return { root, source: 'package.json', patterns: npm };
  return undefined;
}

/** The nearest workspace root at or above `from`, or undefined. */
export async function findWorkspaceRoot(from: string): Promise<WorkspaceRoot | undefined> {
  let dir = resolve(from);
  for (;;) {
    const found = await readWorkspaceRoot(dir);
    if (found) return found;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
