/**
 * Finding dbm's config in one directory, with no loader involved: one directory listing, and package.json
 * parsed only when the directory has one. A run with no config file pays for this and nothing more; the
 * loaders are imported only when a file is found (load.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from './errors.js';

/** The config file names dbm reads, in the order the docs list them. */
export const CONFIG_FILES = ['dbm.config.ts', 'dbm.config.mts', 'dbm.config.js', 'dbm.config.mjs', 'dbm.config.cjs', 'dbm.config.json'] as const;

/** The package.json key that holds dbm's settings. */
export const PACKAGE_KEY = 'dbm';

/** Where one directory's settings are: a config file, or package.json's `"dbm"` key (already read). */
export type ConfigSource =
  | { readonly kind: 'file'; readonly dir: string; readonly file: string }
  | { readonly kind: 'package.json'; readonly dir: string; readonly file: string; readonly value: unknown };

/** What one directory says about config and workspaces. */
export interface DirScan {
  readonly dir: string;
  /** Every source found; more than one is an error once the directory is used ({@link sourceOf}). */
  readonly sources: readonly ConfigSource[];
  /** It has a pnpm-workspace.yaml (which may only hold settings: see root.ts). */
  readonly pnpmWorkspace: boolean;
  /** Its package.json has `workspaces` (npm, yarn, bun). */
  readonly manifestWorkspaces: boolean;
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    // a folder that is not there or not readable holds no config; detection reports a missing package
    return [];
  }
}

function readManifest(path: string, strict: boolean): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch (e) {
    // an ancestor's broken package.json is not dbm's business; the package's own is
    if (!strict) return undefined;
    throw new ConfigError(`cannot read ${path}: ${(e as Error).message}; fix the JSON so dbm can look for its "${PACKAGE_KEY}" key`, path);
  }
}

/**
 * Scans `dir` for dbm config. `strict`: a broken package.json is an error (the package's own directory)
 * rather than ignored (a directory above it).
 */
export function scanDir(dir: string, strict: boolean): DirScan {
  const names = new Set(list(dir));
  const sources: ConfigSource[] = CONFIG_FILES.filter((n) => names.has(n)).map((n) => ({ kind: 'file', dir, file: join(dir, n) }));
  let manifestWorkspaces = false;
  if (names.has('package.json')) {
    const file = join(dir, 'package.json');
    const manifest = readManifest(file, strict);
    manifestWorkspaces = manifest?.workspaces !== undefined;
    if (manifest && PACKAGE_KEY in manifest) sources.push({ kind: 'package.json', dir, file, value: manifest[PACKAGE_KEY] });
  }
  return { dir, sources, pnpmWorkspace: names.has('pnpm-workspace.yaml'), manifestWorkspaces };
}

/** The directory's one source of settings, if any; a {@link ConfigError} naming both when it has two. */
export function sourceOf(scan: DirScan): ConfigSource | undefined {
  if (scan.sources.length > 1) {
    const named = scan.sources.map((s) => (s.kind === 'file' ? s.file : `the "${PACKAGE_KEY}" key of ${s.file}`));
    throw new ConfigError(
      `more than one configuration in ${scan.dir}: ${named.join(' and ')}; keep one of them (dbm reads a single source per directory)`,
      scan.sources[0]!.file,
    );
  }
  return scan.sources[0];
}
