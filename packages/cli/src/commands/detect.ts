/** `dbm detect`: which ORM, which dialect, where — with the evidence. */
import type { Argv } from 'yargs';
import { EXIT } from '../errors.js';
import { colorEnabled, painter } from '../output/color.js';
import { resolveProject, type ProjectArgs } from './project.js';
import { formatOption, resolveFormat, type CommandModule } from './shared.js';

interface DetectArgs extends ProjectArgs {
  format?: string;
  json?: boolean;
}

/** Prints the detected project. */
export async function runDetect(args: DetectArgs): Promise<number> {
  const format = resolveFormat(args, ['human', 'json']);
  const { relative } = await import('node:path');
  const p = await resolveProject(args);
  const rel = (path?: string) => (path ? relative(process.cwd(), path) || '.' : undefined);
  if (format === 'json') {
    const { redactUrl } = await import('@dbm/core');
    const url = { ...p.url, ...(p.url.value ? { value: redactUrl(p.url.value) } : {}) };
    // `settings` is the adapter's own copy of the config, kept for opening the migrations: not for users
    const { settings: _settings, ...shown } = p as typeof p & { settings?: unknown };
    process.stdout.write(`${JSON.stringify({ ...shown, url }, null, 2)}\n`);
    return EXIT.ok;
  }
  const paint = painter(colorEnabled());
  const lines = [
    `${paint('bold', p.orm)} ${paint('dim', `(${p.dialect})`)} in ${rel(p.root)}`,
    `  migrations  ${rel(p.migrationsDir)}`,
    ...(p.schemaPath ? [`  schema      ${rel(p.schemaPath)}`] : []),
    ...(p.configPath ? [`  config      ${rel(p.configPath)}`] : []),
    `  database    ${p.url.env ? `$${p.url.env}` : ''}${p.url.value ? ' (a literal URL in the config)' : ''}`,
    `  evidence    ${p.evidence.join('; ')}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

/** The yargs command. */
export const detectCommand: CommandModule<DetectArgs> = {
  command: 'detect',
  describe: 'Show which ORM and dialect the package uses, where its migrations are, and why dbm thinks so',
  builder: (y: Argv) =>
    formatOption(y, ['human', 'json'])
      .option('project', { type: 'string', describe: 'The package directory (default: the current directory)' })
      .option('orm', { type: 'string', choices: ['prisma', 'drizzle', 'knex', 'typeorm'], describe: 'Choose the ORM when there are several' })
      .epilog('Exit codes: 0 found, 2 no ORM or more than one (the message lists the evidence and how to choose).') as unknown as Argv<DetectArgs>,
  run: runDetect,
};
