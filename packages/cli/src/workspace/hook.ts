/**
 * Workspace mode wrapped around a verb: its options gain --filter (and --all), and a run at a workspace
 * root or with those options goes to the verb's workspace runner; any other run is the verb's own. The
 * workspace code loads only when a verb runs, so `dbm --help` stays fast.
 */
import type { Argv } from 'yargs';
import type { CommandModule } from '../commands/shared.js';
import { workspaceOptions, type WorkspaceVerb } from './options.js';
import type { WorkspaceRunner } from './run.js';

/** `command` with workspace mode; `runner` loads the verb's workspace runner (workspace mode only). */
export function withWorkspace<A>(command: CommandModule<A>, verb: WorkspaceVerb, runner: () => Promise<WorkspaceRunner>): CommandModule<A> {
  return {
    ...command,
    builder: (y: Argv) => workspaceOptions(command.builder(y), verb) as unknown as Argv<A>,
    run: async (args: A) => {
      const { runInWorkspace } = await import('./run.js');
      return (await runInWorkspace(verb, args as never, command.run as never, runner)) ?? command.run(args);
    },
  };
}
