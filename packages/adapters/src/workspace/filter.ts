/**
 * `--filter`: which workspace packages a verb works on. A filter is a package name (`@shop/api`, or
 * `api` when only one scoped package has that last part), a glob on names (`@shop/*`, `*billing*`),
 * or a path (`./apps/api`, `./services/*`) taken from the current directory, as pnpm reads it. A
 * filter that matches nothing is an error listing what there is.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { WorkspacePackage } from './discover.js';
import { WorkspaceError } from './errors.js';

const unscoped = (name: string) => name.replace(/^@[^/]+\//, '');
const isPath = (filter: string) => filter === '.' || filter.startsWith('./') || filter.startsWith('../') || isAbsolute(filter);

type Picomatch = typeof import('picomatch');

function byPath(picomatch: Picomatch, filter: string, packages: readonly WorkspacePackage[], cwd: string): WorkspacePackage[] {
  const target = resolve(cwd, filter);
  if (!picomatch.scan(filter).isGlob) return packages.filter((p) => p.dir === target);
  // a path glob: match each package folder relative to the current directory
  const match = picomatch(relative(cwd, target).split(sep).join('/'), { dot: true });
  return packages.filter((p) => match(relative(cwd, p.dir).split(sep).join('/')));
}

function byName(picomatch: Picomatch, filter: string, packages: readonly WorkspacePackage[]): WorkspacePackage[] {
  const exact = packages.filter((p) => p.name === filter);
  if (exact.length) return exact;
  if (picomatch.scan(filter).isGlob) {
    // `*` may span the scope's slash, as in pnpm (`*billing*` matches `@shop/billing`)
    const match = picomatch(filter, { dot: true });
    const loose = picomatch(filter.replace(/\*+/g, '**'), { dot: true });
    return packages.filter((p) => match(p.name) || loose(p.name) || match(unscoped(p.name)));
  }
  const short = packages.filter((p) => unscoped(p.name) === filter);
  if (short.length > 1) {
    throw new WorkspaceError(`--filter ${filter} matches ${short.map((p) => p.name).join(' and ')}: give the full name`);
  }
  return short;
}

/**
 * The packages the filters select, in the order of `packages` (all of them when there is no filter).
 * `cwd` is where path filters start.
 */
export async function filterPackages(packages: readonly WorkspacePackage[], filters: readonly string[], cwd: string): Promise<WorkspacePackage[]> {
  if (!filters.length) return [...packages];
  const picomatch = (await import('picomatch')).default;
  const chosen = new Set<WorkspacePackage>();
  for (const filter of filters) {
    const hits = isPath(filter) ? byPath(picomatch, filter, packages, cwd) : byName(picomatch, filter, packages);
    if (!hits.length) {
      const names = packages.map((p) => `${p.name} (${p.path})`).join(', ') || 'none';
      throw new WorkspaceError(`--filter ${filter} matches no workspace package; the packages are: ${names}`);
    }
    for (const p of hits) chosen.add(p);
  }
  return packages.filter((p) => chosen.has(p));
}
