/**
 * Whether a verb runs in workspace mode, and on which packages. Workspace mode: `--all` or `--filter`
 * (the workspace is found at or above the current directory), or `status` at a workspace root that is
 * not a project itself. Elsewhere the verb works on one package as before.
 */
import { resolve } from 'node:path';
import type { Workspace, WorkspacePackage } from '@dbm/adapters/workspace';
import { ExitError } from '../errors.js';
import type { ProjectArgs } from '../commands/project.js';
import type { WorkspaceArgs, WorkspaceVerb } from './options.js';

/** The workspace and the selected packages, in dependency order. */
export interface WorkspaceTarget {
  readonly workspace: Workspace;
  readonly packages: readonly WorkspacePackage[];
}

const ONE_PACKAGE_FLAGS = ['orm', 'dir', 'ledger-table', 'ledger-schema'] as const;

/** Runs `work`, turning workspace errors (bad file, no match, a cycle) into usage errors. */
export async function workspaceErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if ((e as Error)?.name === 'WorkspaceError') throw new ExitError(`dbm: ${(e as Error).message}`);
    throw e;
  }
}

function orderOrAsIs(order: (p: readonly WorkspacePackage[]) => WorkspacePackage[], packages: WorkspacePackage[]): WorkspacePackage[] {
  try {
    return order(packages);
  } catch {
    return packages;
  }
}

/** The workspace target of a verb, or undefined for the one-package mode. */
export async function workspaceTarget(args: ProjectArgs & WorkspaceArgs, verb: WorkspaceVerb): Promise<WorkspaceTarget | undefined> {
  const filters = (args.filter ?? []).filter((f) => f !== '');
  const explicit = Boolean(args.all) || filters.length > 0;
  const here = resolve(args.project ?? '.');
  const one = ONE_PACKAGE_FLAGS.filter((f) => args[f] !== undefined);
  if (!explicit && one.length) return undefined;
  return workspaceErrors(async () => {
    let root;
    if (explicit) {
      const adapters = await import('@dbm/adapters/workspace');
      if (args.all && filters.length) throw new ExitError('dbm: --all and --filter contradict each other: use one');
      if (one.length) throw new ExitError(`dbm: --${one.join(', --')} describe one package: run dbm in that package (or with --project <dir>) without --all/--filter`);
      root = await adapters.findWorkspaceRoot(here);
      if (!root) throw new ExitError(`dbm: --${args.all ? 'all' : 'filter'} needs a workspace: found no pnpm-workspace.yaml listing packages, nor a package.json with "workspaces", in ${here} or above`);
    } else {
      // the light entry: a run in a package (the common case) loads no workspace code beyond this check
      const light = await import('../light.js');
      root = await light.readWorkspaceRoot(here);
      // a workspace root that is a project itself keeps the one-package behaviour without --all/--filter
      if (!root || (await light.detectAll(here)).length) return undefined;
      if (verb !== 'status' && verb !== 'detect') {
        throw new ExitError(
          verb === 'generate'
            ? `dbm: ${here} is a workspace root: name the package to generate in with --filter <name> (or run dbm generate in it)`
            : `dbm: ${here} is a workspace root: pass --all to ${verb} every package in dependency order, or --filter <name> for some`,
        );
      }
    }
    const adapters = await import('@dbm/adapters/workspace');
    const workspace = await adapters.discoverWorkspace(root);
    const chosen = await adapters.filterPackages(workspace.packages, filters, process.cwd());
    // status and detect need no order: a dependency cycle fails only the verbs that run packages one after another
    const packages = verb === 'status' || verb === 'detect' ? orderOrAsIs(adapters.dependencyOrder, chosen) : adapters.dependencyOrder(chosen);
    return { workspace, packages };
  });
}
