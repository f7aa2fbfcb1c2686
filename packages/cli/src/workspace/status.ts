/**
 * `dbm status` over a workspace: one table of every selected package (package, ORM, dialect, applied,
 * pending, drift), or --json; warnings for shared ledgers on stderr. Exit 0 all clean, 2 pending or
 * drift (or a package with two ORMs), 1 a package could not be read.
 */
import { EXIT } from '../errors.js';
import { colorEnabled, painter } from '../output/color.js';
import { spinnerEnabled, withSpinner } from '../output/spinner.js';
import type { ProjectArgs } from '../commands/project.js';
import { resolveFormat } from '../commands/shared.js';
import { collisionWarnings, gatherPackages } from './gather.js';
import { renderStatusTable, statusSummary } from './status-table.js';
import { statusRows } from './status-rows.js';
import type { WorkspaceTarget } from './target.js';

const MARK: Record<string, string> = { pending: '·', failed: '✗', edited: '!', missing: '?', 'out-of-order': '!' };

/** Prints the workspace status; resolves to the exit code. */
export async function runWorkspaceStatus(args: ProjectArgs & { format?: string; json?: boolean; verbose?: boolean }, target: WorkspaceTarget): Promise<number> {
  const format = resolveFormat(args, ['human', 'json']);
  const { rows, gathered } = await withSpinner(
    `reading ${target.packages.length} package${target.packages.length === 1 ? '' : 's'}`,
    async () => {
      const found = await gatherPackages(args, target);
      return { gathered: found, rows: await statusRows(args, found) };
    },
    format !== 'json' && spinnerEnabled(),
  );
  const code = rows.some((r) => r.state === 'error')
    ? EXIT.failure
    : rows.some((r) => r.state === 'several' || (r.state === 'ok' && !r.report?.clean))
      ? EXIT.usage
      : EXIT.ok;
  if (format === 'json') {
    const packages = rows.map(({ report, ...r }) => ({ ...r, ...(report ? { ledger: report.ledger, clean: report.clean, migrations: report.migrations } : {}) }));
    process.stdout.write(`${JSON.stringify({ root: target.workspace.root, packages, collisions: gathered.collisions, clean: code === EXIT.ok }, null, 2)}\n`);
    return code;
  }
  const paint = painter(colorEnabled(process.stderr));
  if (gathered.collisions.length) process.stderr.write(paint('yellow', collisionWarnings(gathered.collisions)));
  process.stdout.write(renderStatusTable(rows));
  if (args.verbose) {
    for (const r of rows) {
      const open = r.report?.migrations.filter((m) => m.state !== 'applied') ?? [];
      if (!open.length) continue;
      process.stdout.write(`\n${r.name} (${r.report!.ledger}):\n`);
      for (const m of open) process.stdout.write(`  ${MARK[m.state] ?? '?'} ${m.name}  ${m.state}${m.detail ? ` — ${m.detail}` : ''}\n`);
    }
  }
  process.stdout.write(statusSummary(rows));
  return code;
}
