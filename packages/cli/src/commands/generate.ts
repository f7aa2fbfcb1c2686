/** `dbm generate <name>`: the ORM's own generator, then the safety pass, written in the ORM's own form. */
import type { Argv } from 'yargs';
import { EXIT, ExitError } from '../errors.js';
import { colorEnabled, painter } from '../output/color.js';
import { spinnerEnabled, withSpinner } from '../output/spinner.js';
import { resolveProject, type ProjectArgs } from './project.js';
import { settingsFor } from './settings.js';
import { formatOption, resolveFormat, type CommandModule } from './shared.js';

interface GenerateArgs extends ProjectArgs {
  name: string;
  format?: string;
  json?: boolean;
  'from-sql'?: string;
  'from-schema'?: string;
  'pg-version'?: number;
}

/** Generates the next migration and reports what the safety pass changed. */
export async function runGenerate(args: GenerateArgs): Promise<number> {
  const format = resolveFormat(args, ['human', 'json']);
  if (!/^[A-Za-z0-9_-]+$/.test(args.name)) throw new ExitError(`dbm: the migration name may use letters, digits, _ and - only, got "${args.name}"`);
  const project = await resolveProject(args);
  const adapters = await import('@dbm/adapters');
  const core = await import('@dbm/core');
  const env = project.url.env;
  const url = args.url ?? (env ? process.env[env] : undefined) ?? project.url.value ?? process.env.DATABASE_URL;
  const { resolve } = await import('node:path');
  const { pgVersion } = await settingsFor(args);
  let result;
  try {
    result = await withSpinner(`generating with ${project.orm}'s generator and the safety pass`, () => adapters.generateMigration(project, {
      name: args.name,
      ...(url ? { url } : {}),
      ...(args['from-sql'] ? { fromSql: resolve(args['from-sql']) } : {}),
      ...(args['from-schema'] ? { fromSchema: resolve(args['from-schema']) } : {}),
      pgVersion,
    }), format !== 'json' && spinnerEnabled());
  } catch (e) {
    const message = (e as Error).message ?? String(e);
    if (e instanceof core.ConnectionError || e instanceof adapters.DetectionError || e instanceof adapters.MigrationFolderError || (e as { userFacing?: boolean }).userFacing) {
      throw new ExitError(`dbm: ${url ? core.redactText(message, url) : message}`, 1);
    }
    throw e;
  }
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify({ orm: project.orm, ...result }, null, 2)}\n`);
    return EXIT.ok;
  }
  const paint = painter(colorEnabled());
  if (!result.files.length) {
    process.stdout.write('no changes: the schema and the migrations agree, nothing to generate\n');
    return EXIT.ok;
  }
  const { relative } = await import('node:path');
  for (const f of result.files) process.stdout.write(`${paint('green', 'wrote')} ${relative(process.cwd(), f)}\n`);
  if (result.changes.length) {
    process.stdout.write(`\n${paint('bold', 'the safety pass changed:')}\n`);
    for (const c of result.changes) process.stdout.write(`  ${c.migration}:${c.line}  ${c.what}\n`);
  }
  for (const n of result.notes) {
    const sev = n.severity === 'error' ? paint('red', 'needs a plan') : paint('yellow', 'note');
    process.stdout.write(`\n${sev} ${n.migration}:${n.line}  ${n.message}\n${n.plan.map((p, i) => `    ${/^\d+\./.test(p) ? p : `${i + 1}. ${p}`}`).join('\n')}\n`);
  }
  return EXIT.ok;
}

/** The yargs command. */
export const generateCommand: CommandModule<GenerateArgs> = {
  command: 'generate <name>',
  describe: "Generate the next migration with the ORM's own generator, then rewrite it into its safe form",
  builder: (y: Argv) =>
    formatOption(y, ['human', 'json'])
      .positional('name', { type: 'string', describe: 'The migration name, e.g. add_order_status' })
      .option('project', { type: 'string', describe: 'The package directory (default: the current directory)' })
      .option('orm', { type: 'string', choices: ['prisma', 'drizzle', 'knex', 'typeorm'], describe: 'Choose the ORM when there are several' })
      .option('url', { type: 'string', describe: "Database URL, for generators that diff against the database (TypeORM, knex --from-schema)" })
      .option('from-sql', { type: 'string', describe: 'knex: write this SQL as a knex migration (up and down)' })
      .option('from-schema', { type: 'string', describe: 'knex: diff the database against this target schema (SQL file)' })
      .option('pg-version', { type: 'number', describe: 'Major version of the server, for the safe forms (default: pgVersion in dbm.config, else 15)' })
      .epilog('Exit codes: 0 generated (or nothing to generate), 1 generator or database failure, 2 usage error.') as unknown as Argv<GenerateArgs>,
  run: runGenerate,
};
