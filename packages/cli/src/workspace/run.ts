/** Dispatches a verb to its workspace runner, or says (undefined) that it runs on one package. */
import type { ProjectArgs } from '../commands/project.js';
import type { WorkspaceArgs, WorkspaceVerb } from './options.js';
import { workspaceTarget } from './target.js';

/** The exit code of the workspace run, or undefined when the verb works on one package. */
export async function runInWorkspace(
  verb: WorkspaceVerb,
  args: ProjectArgs & WorkspaceArgs & Record<string, unknown>,
  single: (args: never) => Promise<number>,
): Promise<number | undefined> {
  const target = await workspaceTarget(args, verb);
  if (!target) return undefined;
  switch (verb) {
    case 'detect':
      return (await import('./detect.js')).runWorkspaceDetect(args, target);
    case 'status':
      return (await import('./status.js')).runWorkspaceStatus(args, target);
    case 'apply':
    case 'rollback':
      return (await import('./exec.js')).runWorkspaceExec(verb, args as never, target);
    case 'generate':
      return (await import('./generate.js')).runWorkspaceGenerate(args, target, single as (a: typeof args) => Promise<number>);
  }
}
