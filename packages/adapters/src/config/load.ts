/**
 * The configuration that applies to one package: its workspace root's config and its own, each validated.
 * With no config anywhere this costs one directory listing per directory up to the root and loads nothing.
 */
import { resolve } from 'node:path';
import { ConfigError } from './errors.js';
import { sourceOf, type DirScan } from './find.js';
import { configDirs } from './root.js';
import type { ConfigLayer, LoadedConfig } from './types.js';

/** Keys only the workspace root's config may set: they choose packages, which a package cannot do for itself. */
const ROOT_ONLY = ['packages', 'ignore'] as const;

async function layerOf(scan: DirScan): Promise<ConfigLayer | undefined> {
  const source = sourceOf(scan);
  if (!source) return undefined;
  const [{ readSource }, { validateConfig }] = await Promise.all([import('./read.js'), import('./validate.js')]);
  return validateConfig(await readSource(source), source);
}

/** Loads the root's and the package's config for `packageDir`; throws a {@link ConfigError} for a bad one. */
export async function loadConfig(packageDir: string): Promise<LoadedConfig> {
  const { pkg, root } = await configDirs(resolve(packageDir));
  const own = await layerOf(pkg);
  const inherited = root === pkg ? undefined : await layerOf(root);
  const misplaced = own && root !== pkg ? ROOT_ONLY.filter((k) => own[k] !== undefined) : [];
  if (misplaced.length) {
    throw new ConfigError(
      `${misplaced.join(', ')} in ${own!.file}: set in the workspace root's config only (${root.dir}), ` +
        `where it chooses the packages dbm works on; for example packages: ["apps/*"] in ${resolve(root.dir, 'dbm.config.ts')}`,
      own!.file,
    );
  }
  return { packageDir: pkg.dir, root: root.dir, layers: [inherited, own].filter((l): l is ConfigLayer => l !== undefined) };
}
