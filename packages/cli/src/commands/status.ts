/** `dbm status`: applied, pending, failed, edited, missing, out of order. Read-only. */
import type { Argv } from 'yargs';
import { EXIT } from '../errors.js';
import { colorEnabled, painter } from '../output/color.js';
import { databaseUrl, openProject, PROJECT_OPTIONS, userErrors, type ProjectArgs } from './project.js';
import { formatOptions, resolveFormat, type CommandModule } from './shared.js';

interface StatusArgs extends ProjectArgs {
  format?: string;
  json?: boolean;
}

const MARK: Record<string, [string, 'green' | 'yellow' | 'red' | 'dim']> = {
  applied: ['✓', 'green'],
  pending: ['·', 'yellow'],
  'out-of-order': ['!', 'red'],
  failed: ['✗', 'red'],
  edited: ['!', 'red'],
  missing: ['?', 'red'],
};

/** Prints the status; exit 0 clean, 2 pending or drift, 1 error. */
export async function runStatus(args: StatusArgs): Promise<number> {
  const format = resolveFormat(args, ['human', 'json']);
  const project = await openProject(args);
  const url = databaseUrl(args, project.project);
  const core = await import('../light.js');
  const report = await userErrors(url, async () => {
    const client = await core.connect(url);
    try {
      return await core.readStatus(client, project.ledger, project.sources);
    } finally {
      core.endWithoutWaiting(client);
    }
  });
  if (format === 'json') process.stdout.write(`${JSON.stringify({ ...report, dir: project.dir }, null, 2)}\n`);
  else {
    const paint = painter(colorEnabled());
    process.stdout.write(`${paint('bold', `${report.orm}`)} ${paint('dim', `${project.dir} → ${report.ledger}`)}\n`);
    for (const m of report.migrations) {
      const [mark, color] = MARK[m.state] ?? ['?', 'dim'];
      const when = m.appliedAt ? paint('dim', ` ${m.appliedAt}`) : '';
      process.stdout.write(`  ${paint(color, mark)} ${m.name}  ${paint(color, m.state)}${when}${m.detail ? paint('dim', ` — ${m.detail}`) : ''}\n`);
    }
    const c = report.counts;
    process.stdout.write(
      `${c.applied} applied, ${c.pending} pending${c.failed ? `, ${c.failed} failed` : ''}${c.edited ? `, ${c.edited} edited` : ''}` +
        `${c.missing ? `, ${c.missing} missing on disk` : ''}${c['out-of-order'] ? `, ${c['out-of-order']} out of order` : ''}\n`,
    );
  }
  return report.clean ? EXIT.ok : EXIT.usage;
}

/** The options of `dbm status` (workspace mode adds --filter and --all). */
export const STATUS_OPTIONS = { ...formatOptions(['human', 'json']), ...PROJECT_OPTIONS };

/** The yargs command. */
export const statusCommand: CommandModule<StatusArgs> = {
  command: 'status',
  describe: 'Show applied, pending, failed, edited and missing migrations (read-only)',
  builder: (y: Argv) =>
    y.options(STATUS_OPTIONS).epilog('Exit codes: 0 up to date, 2 pending or drift, 1 error.') as unknown as Argv<StatusArgs>,
  run: runStatus,
};
