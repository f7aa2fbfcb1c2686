/** The dbm command line: verbs, global options, and the mapping of errors to exit codes. */
import yargs, { type Argv } from 'yargs';
import { applyCommand } from './commands/apply.js';
import { detectCommand } from './commands/detect.js';
import { generateCommand } from './commands/generate.js';
import { fixCommand } from './commands/fix.js';
import { lintCommand } from './commands/lint.js';
import { rollbackCommand } from './commands/rollback.js';
import { rulesCommand } from './commands/rules.js';
import { statusCommand } from './commands/status.js';
import { translateCommand } from './commands/translate.js';
import { exitCodeOf, GLOBAL_OPTIONS, type CommandModule } from './commands/shared.js';
import { EXIT, ExitError } from './errors.js';
import { withWorkspace } from './workspace/hook.js';
import type { WorkspaceRunner } from './workspace/run.js';
import { statusRunner } from './workspace/status-runner.js';

async function execRunner(verb: 'apply' | 'rollback'): Promise<WorkspaceRunner> {
  const { runWorkspaceExec } = await import('./workspace/exec.js');
  return (args: Parameters<typeof runWorkspaceExec>[1], target: Parameters<typeof runWorkspaceExec>[2]) => runWorkspaceExec(verb, args, target);
}

// status, generate, apply and rollback also run over a workspace (--all, --filter, or status at its root)
const COMMANDS: CommandModule<never>[] = [
  withWorkspace(detectCommand, 'detect', async () => (await import('./workspace/detect.js')).runWorkspaceDetect),
  withWorkspace(statusCommand, 'status', statusRunner),
  withWorkspace(generateCommand, 'generate', async () => (await import('./workspace/generate.js')).runWorkspaceGenerate),
  withWorkspace(applyCommand, 'apply', async () => execRunner('apply')),
  withWorkspace(rollbackCommand, 'rollback', async () => execRunner('rollback')),
  lintCommand,
  fixCommand,
  rulesCommand,
  translateCommand,
] as unknown as CommandModule<never>[];

/** The verbs' names, as yargs knows them (verbs.ts lists them for the loader, which loads no CLI). */
export function verbNames(): string[] {
  return COMMANDS.map((c) => c.command.split(' ')[0]!);
}

/** Runs dbm with the given arguments; resolves to the exit code. Never throws for user errors. */
export async function run(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
  let usageError: string | undefined;
  let parser: Argv = yargs([...argv])
    .scriptName('dbm')
    .usage('$0 <command> [options]\n\nOne safe migration command for every Node ORM.')
    .epilog(
      'Exit codes: 0 success; 1 a failure (a migration failed or was refused, lint found errors, the database ' +
        'could not be reached); 2 a usage error, or pending migrations or drift for status.\n' +
        'Environment: DATABASE_URL (or the variable the ORM config names), NO_COLOR, DBM_CACHE=0 (no detection cache), ' +
          'DBM_COMPILE_CACHE=0 or a folder (dbm\'s compiled code: none, or kept there).\n' +
        'Every verb takes --json; dbm <command> --help shows its options. Settings: dbm.config.ts (docs/configuration.md).',
    )
    .strict()
    .demandCommand(1, 'Name a command: dbm <command> (dbm --help lists them)')
    .options(GLOBAL_OPTIONS)
    .help()
    .alias('h', 'help')
    .version()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((msg, err) => {
      if (err) throw err;
      usageError = msg;
      // a fail handler that returns lets yargs go on to run the command (an unknown flag such as
      // `rollback --dry-run` would roll back): stop here, the catch below prints the message
      throw new ExitError(`dbm: ${msg}`, EXIT.usage);
    });
  for (const c of COMMANDS) {
    const builder = (y: Argv) => {
      let b = c.builder(y) as Argv;
      for (const s of c.subcommands ?? []) {
        b = b.command(s.command, s.describe, s.builder as never, async (args) => {
          code = await s.run(args as never);
        });
      }
      return b;
    };
    parser = parser.command(c.command, c.describe, builder as never, async (args) => {
      code = await c.run(args as never);
    });
  }
  parser = parser.completion('completion', 'Print a shell completion script (bash/zsh)');
  skipHelpCache(parser);
  try {
    await parser.parseAsync();
  } catch (e) {
    return exitCodeOf(e);
  }
  if (usageError) {
    process.stderr.write(`dbm: ${usageError}\n`);
    return EXIT.usage;
  }
  return code;
}

/**
 * yargs renders the whole help text before every command it runs, so that a handler could show it later;
 * dbm's handlers never do, and the rendering (string widths of every line) cost ~30 ms of each `dbm status`.
 * Help asked for with --help, or shown on a usage error, is rendered when it is needed, as before.
 */
function skipHelpCache(parser: Argv): void {
  type Internals = { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } };
  const usage = (parser as unknown as Internals).getInternalMethods?.().getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;
}
