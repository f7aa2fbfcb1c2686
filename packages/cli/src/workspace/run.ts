/** Runs a verb over the workspace's packages, or says (undefined) that it runs on one package. */
import type { ProjectArgs } from '../commands/project.js';
import type { WorkspaceArgs, WorkspaceVerb } from './options.js';
import { workspaceTarget, type WorkspaceTarget } from './target.js';

/**
 * A verb's workspace runner: its run over the selected packages, given the verb's arguments and its run on
 * one package (`single`). Typed by what it is handed (never): every verb's runner, whatever its arguments, fits.
 */
export type WorkspaceRunner = (args: never, target: WorkspaceTarget, single: never) => Promise<number>;

/**
 * The exit code of the workspace run, or undefined when the verb works on one package. The runner is
 * loaded only in workspace mode, by the caller's `load`: each verb names its own, so a caller that runs one
 * verb (the fast status path) holds none of the others' code.
 */
export async function runInWorkspace(
  verb: WorkspaceVerb,
  args: ProjectArgs & WorkspaceArgs & Record<string, unknown>,
  single: (args: never) => Promise<number>,
  load: () => Promise<WorkspaceRunner>,
): Promise<number | undefined> {
  const target = await workspaceTarget(args, verb);
  if (!target) return undefined;
  return (await load())(args as never, target, single as never);
}
