/**
 * The workspace root whose config a package inherits: the nearest directory at or above the package with
 * a pnpm-workspace.yaml declaring packages, or a package.json with `workspaces`; else the package itself.
 */
import { dirname } from 'node:path';
import { scanDir, type DirScan } from './find.js';

/** The package's own scan and its root's (the same object when the package is its own root). */
export interface ConfigDirs {
  readonly pkg: DirScan;
  readonly root: DirScan;
}

/** Whether a pnpm-workspace.yaml declares packages (pnpm 10+ also keeps plain settings there). */
async function declaresPackages(dir: string): Promise<boolean> {
  // the YAML parser costs tens of milliseconds: it is loaded only for a root that holds a dbm config
  const { readWorkspaceRoot } = await import('../workspace/root.js');
  return (await readWorkspaceRoot(dir)) !== undefined;
}

/** Scans the package directory and finds its workspace root. `packageDir` must be absolute. */
export async function configDirs(packageDir: string): Promise<ConfigDirs> {
  const pkg = scanDir(packageDir, true);
  if (pkg.pnpmWorkspace || pkg.manifestWorkspaces) return { pkg, root: pkg };
  for (let dir = dirname(packageDir); ; dir = dirname(dir)) {
    const scan = scanDir(dir, false);
    // a settings-only pnpm-workspace.yaml without a dbm config changes nothing, so it is not parsed
    if (scan.manifestWorkspaces || (scan.pnpmWorkspace && (!scan.sources.length || (await declaresPackages(dir))))) return { pkg, root: scan };
    if (dirname(dir) === dir) return { pkg, root: pkg };
  }
}
