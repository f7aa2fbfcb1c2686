/**
 * What a workspace verb starts from: the project of every selected package (a few detected at a time,
 * each with its own dbm config applied, as in one package) and the ledgers they share, with the database
 * URL each package would use.
 */
import type { Project } from '@dbm/adapters/project';
import type { LedgerCollision, PackageDetection } from '@dbm/adapters/workspace';
import { databaseUrl, resolveProject, type ProjectArgs } from '../commands/project.js';
import { ExitError } from '../errors.js';
import type { WorkspaceTarget } from './target.js';

/** The detected packages of a target and their ledger collisions. */
export interface Gathered {
  readonly detections: readonly PackageDetection[];
  readonly collisions: readonly LedgerCollision[];
}

/** The URL a package connects with, or undefined when none is set (reported when it is needed). */
export function urlOrNothing(args: ProjectArgs, project: Project): string | undefined {
  try {
    return databaseUrl(args, project);
  } catch {
    return undefined;
  }
}

/** Detects every selected package and finds the ledgers they share. */
export async function gatherPackages(args: ProjectArgs, target: WorkspaceTarget): Promise<Gathered> {
  const [adapters, workspace] = await Promise.all([import('../light.js'), import('@dbm/adapters/workspace')]);
  const detect = async (dir: string): Promise<Project> => {
    try {
      // as in one package: the package's dbm config applies on top of detection
      return await resolveProject({ ...args, project: dir });
    } catch (e) {
      if (!(e instanceof ExitError)) throw e;
      // only on failure: which ORMs were there, to tell "no ORM" and "two ORMs" from a broken config
      throw new adapters.DetectionError(e.message.replace(/^dbm: /, ''), await adapters.detectAll(dir));
    }
  };
  const detections = await workspace.detectPackages(target.packages, { detect });
  const users = detections.flatMap((d) => (d.kind === 'project' ? [{ name: d.pkg.name, project: d.project, url: urlOrNothing(args, d.project) }] : []));
  return { detections, collisions: workspace.findLedgerCollisions(users) };
}

/** The warnings for shared ledgers, one block per collision. */
export function collisionWarnings(collisions: readonly LedgerCollision[]): string {
  return collisions
    .map((c) => {
      const names = c.packages.map((p) => `${p.name} (${p.orm})`).join(', ');
      const lines = [
        `warning: ${names} keep their history in the same table ${c.ledger} of ${c.database}: each ORM's own tools misread the others' rows ` +
          '(drizzle skips migrations older than the newest row, knex reports the others\' files as missing). dbm reads each package\'s rows by migration name.',
        `  ${c.keeps} can keep ${c.ledger}; give each other package its own:`,
        ...c.packages.filter((p) => p.fix).map((p) => `  ${p.name}: ${p.fix}`),
      ];
      return `${lines.join('\n')}\n`;
    })
    .join('');
}
