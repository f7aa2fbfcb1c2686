/** `--all` and `--filter`: which packages of a workspace a verb works on. */
import type { Argv, Options } from 'yargs';

/** The verbs that know workspaces. */
export type WorkspaceVerb = 'detect' | 'status' | 'apply' | 'rollback' | 'generate';

/** The workspace options a verb may get. */
export interface WorkspaceArgs {
  all?: boolean;
  filter?: string[];
}

/** --filter for every verb, and --all for those that can run over every package, as a table of options. */
export function workspaceOptionTable(verb: WorkspaceVerb): Record<string, Options> {
  const filter: Options = {
    type: 'string',
    array: true,
    describe:
      verb === 'generate'
        ? 'In a workspace: the package to generate in (name, name glob, or path like ./apps/api)'
        : 'In a workspace: only these packages (name, name glob like "@shop/*", or path like ./apps/api); repeatable',
  };
  if (verb === 'generate') return { filter };
  const all: Options = {
    type: 'boolean',
    describe:
      verb === 'status' || verb === 'detect'
        ? 'Every package of the workspace (the default at a workspace root)'
        : `Every package of the workspace, in the order of its dependency graph${verb === 'rollback' ? ' (reversed)' : ''}; stops at the first failure`,
  };
  return { filter, all };
}

/** Adds {@link workspaceOptionTable}. */
export function workspaceOptions(y: Argv, verb: WorkspaceVerb): Argv {
  return y.options(workspaceOptionTable(verb));
}
