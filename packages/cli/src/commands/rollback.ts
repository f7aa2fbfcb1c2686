/** `dbm rollback`: undo the last migrations, for every ORM, keeping dropped data restorable. */
import type { Argv } from 'yargs';
import { EXIT } from '../errors.js';
import { execOptions, execSettings, type ExecArgs } from './apply.js';
import { databaseUrl, openProject, userErrors } from './project.js';
import { resolveFormat, type CommandModule } from './shared.js';

interface RollbackArgs extends ExecArgs {
  steps: number;
  to?: string;
}

/** Rolls back; exit 0 done, 1 refused or failed. */
export async function runRollback(args: RollbackArgs): Promise<number> {
  const format = resolveFormat(args, ['human', 'json']);
  const project = await openProject(args);
  const url = databaseUrl(args, project.project);
  const core = await import('@dbm/core');
  const result = await userErrors(url, async () =>
    core.rollbackMigrations({
      url,
      ledger: project.ledger,
      sources: project.sources,
      ...(await execSettings(args)),
      steps: args.steps,
      ...(args.to ? { to: args.to } : {}),
    }),
  );
  if (format === 'json') process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    const n = result.rolledBack.length;
    process.stdout.write(n ? `rolled back ${n} migration${n === 1 ? '' : 's'}: ${result.rolledBack.join(', ')}\n` : 'nothing to roll back\n');
  }
  return EXIT.ok;
}

/** The yargs command. */
export const rollbackCommand: CommandModule<RollbackArgs> = {
  command: 'rollback',
  describe: 'Roll back the last migrations (every ORM, Prisma and drizzle included), restoring dropped data',
  builder: (y: Argv) =>
    execOptions(y)
      .option('steps', { type: 'number', default: 1, describe: 'How many applied migrations to undo' })
      .option('to', { type: 'string', describe: 'Undo every migration applied after this one' })
      .epilog('Exit codes: 0 rolled back (or nothing to do), 1 refused or failed (a refusal changes nothing), 2 usage error.') as unknown as Argv<RollbackArgs>,
  run: runRollback,
};
