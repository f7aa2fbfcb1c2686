/**
 * Detection in every selected package, a few at a time: the project of the one ORM found, or why there
 * is none. A package with no ORM is skipped (a workspace has shared libraries and apps without a
 * database), not an error; two ORMs in one package is reported on that package's row only.
 */
import { detectProject } from '../detect.js';
import { DetectionError } from '../detection-error.js';
import type { OrmName } from '../open.js';
import type { Project } from '../orm-adapter.js';
import type { WorkspacePackage } from './discover.js';
import { mapLimit } from './limit.js';

/** What detection found in one package. */
export type PackageDetection =
  | { readonly kind: 'project'; readonly pkg: WorkspacePackage; readonly project: Project }
  | { readonly kind: 'none'; readonly pkg: WorkspacePackage }
  | { readonly kind: 'several'; readonly pkg: WorkspacePackage; readonly orms: readonly OrmName[]; readonly message: string }
  | { readonly kind: 'error'; readonly pkg: WorkspacePackage; readonly message: string };

/** How many packages are detected at once: loading ORM configs is CPU-bound, so a few suffice. */
export const DETECT_CONCURRENCY = 4;

/** Options of {@link detectPackages}. */
export interface DetectPackagesOptions {
  readonly concurrency?: number;
  /**
   * Describes the project of one package folder: {@link detectProject} by default; the CLI passes one
   * that also applies the package's dbm config. A {@link DetectionError} with no evidence means no ORM,
   * with several means several ORMs.
   */
  readonly detect?: (dir: string) => Promise<Project>;
}

/** Detects the ORM of each package (in the order given). */
export async function detectPackages(packages: readonly WorkspacePackage[], options: DetectPackagesOptions = {}): Promise<PackageDetection[]> {
  const detect = options.detect ?? ((dir: string) => detectProject(dir));
  return mapLimit(packages, options.concurrency ?? DETECT_CONCURRENCY, async (pkg): Promise<PackageDetection> => {
    try {
      return { kind: 'project', pkg, project: await detect(pkg.dir) };
    } catch (e) {
      if (!(e instanceof DetectionError)) return { kind: 'error', pkg, message: (e as Error)?.message ?? String(e) };
      if (!e.found.length) return { kind: 'none', pkg };
      if (e.found.length > 1) {
        const orms = e.found.map((f) => f.orm);
        return { kind: 'several', pkg, orms, message: `${orms.join(' and ')} in one package: run dbm in ${pkg.path} with --orm ${orms.join('|')}` };
      }
      return { kind: 'error', pkg, message: e.message };
    }
  });
}
