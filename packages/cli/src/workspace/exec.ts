/**
 * `dbm apply` and `dbm rollback` over a workspace: the selected packages one after another, in the order
 * of the workspace dependency graph (rollback in reverse), each with its own executor settings and
 * ledger. The first failure stops the run; the summary says what was done and what was not. A package
 * that cannot be described (two ORMs, a broken config) stops the run before anything changes.
 */
import type { PackageDetection, Project } from '@dbm/adapters';
import { applyOptions, execSettings, renderDryRun, type ExecArgs } from '../commands/apply.js';
import { databaseUrl, userErrors, withUrlLedgerSchema } from '../commands/project.js';
import { resolveFormat } from '../commands/shared.js';
import { EXIT, ExitError } from '../errors.js';
import { colorEnabled, painter } from '../output/color.js';
import { collisionWarnings, gatherPackages } from './gather.js';
import type { WorkspaceTarget } from './target.js';

/** The arguments apply and rollback may pass. */
export interface WorkspaceExecArgs extends ExecArgs {
  'dry-run'?: boolean;
  'as-written'?: boolean;
  'allow-hazards'?: boolean;
  to?: string;
  steps?: number;
}

/** What happened to one package. */
interface Outcome {
  readonly name: string;
  readonly path: string;
  readonly orm?: string;
  readonly state: 'done' | 'failed' | 'not-run' | 'skipped';
  /** Migrations applied, rolled back, or (dry run) that would be applied. */
  readonly migrations?: readonly string[];
  readonly error?: string;
}

type Verb = 'apply' | 'rollback';

/** Runs one package's verb; the migrations it changed (or would change, for a dry run) and, for human output, the text. */
async function runOne(verb: Verb, args: WorkspaceExecArgs, project: Project): Promise<{ migrations: string[]; text: string }> {
  const adapters = await import('@dbm/adapters');
  const core = await import('@dbm/core');
  const one = { ...args, project: project.root };
  const url = databaseUrl(one, project);
  const set = await userErrors(url, async () => {
    try {
      return await adapters.adapterFor(project.orm).open(withUrlLedgerSchema(project, url));
    } catch (e) {
      // as in one package: a migrations folder that cannot be read is the user's to fix
      if (e instanceof adapters.MigrationFolderError) throw new ExitError(`dbm: ${e.message}`, EXIT.failure);
      throw e;
    }
  });
  const settings = { url, ledger: set.ledger, sources: set.sources, ...(await execSettings(one)) };
  if (verb === 'rollback') {
    const r = await userErrors(url, () => core.rollbackMigrations({ ...settings, steps: args.steps ?? 1, ...(args.to ? { to: args.to } : {}) }));
    return { migrations: r.rolledBack, text: r.rolledBack.length ? `rolled back ${r.rolledBack.join(', ')}\n` : 'nothing to roll back\n' };
  }
  const options = applyOptions(args, settings);
  if (args['dry-run']) {
    const plan = await userErrors(url, () => core.dryRun(options));
    return { migrations: plan.map((m) => m.name), text: renderDryRun(plan) };
  }
  const r = await userErrors(url, () => core.applyMigrations(options));
  const names = [...r.resumed, ...r.applied];
  return { migrations: names, text: names.length ? `applied ${names.join(', ')}\n` : 'nothing to apply: up to date\n' };
}

function blockers(detections: readonly PackageDetection[]): string[] {
  return detections.flatMap((d) => (d.kind === 'several' || d.kind === 'error' ? [`  ${d.pkg.name} (${d.pkg.path}): ${d.message}`] : []));
}

/** Applies or rolls back every selected package in order; resolves to the exit code. */
export async function runWorkspaceExec(verb: Verb, args: WorkspaceExecArgs, target: WorkspaceTarget): Promise<number> {
  const format = resolveFormat(args, ['human', 'json']);
  const human = format === 'human';
  const paint = painter(colorEnabled());
  const gathered = await gatherPackages(args, target);
  const blocked = blockers(gathered.detections);
  if (blocked.length) throw new ExitError(`dbm: nothing was run: these packages cannot be described:\n${blocked.join('\n')}\nfix them, or leave them out with --filter`);
  const runnable = gathered.detections.filter((d) => d.kind === 'project').length;
  if (args.to && runnable > 1) throw new ExitError(`dbm: --to names a migration of one package: add --filter <package> (${runnable} packages are selected)`);
  if (human && gathered.collisions.length) process.stderr.write(painter(colorEnabled(process.stderr))('yellow', collisionWarnings(gathered.collisions)));
  const ordered = verb === 'rollback' ? [...gathered.detections].reverse() : gathered.detections;
  const outcomes: Outcome[] = [];
  let failed = false;
  for (const d of ordered) {
    const base = { name: d.pkg.name, path: d.pkg.path };
    if (d.kind !== 'project') {
      outcomes.push({ ...base, state: 'skipped' });
      continue;
    }
    if (failed) {
      outcomes.push({ ...base, orm: d.project.orm, state: 'not-run' });
      continue;
    }
    if (human) process.stdout.write(`${paint('bold', `▶ ${d.pkg.name}`)} ${paint('dim', `(${d.project.orm}, ${d.pkg.path})`)}\n`);
    try {
      const r = await runOne(verb, args, d.project);
      outcomes.push({ ...base, orm: d.project.orm, state: 'done', migrations: r.migrations });
      if (human) process.stdout.write(r.text.replace(/^(?=.)/gm, '  '));
    } catch (e) {
      // even an unexpected error stops the run with its summary: what ran before it stays applied
      failed = true;
      const error = e instanceof ExitError ? e.message.replace(/^dbm: /, '') : `internal error: ${(e as Error)?.message ?? String(e)}`;
      outcomes.push({ ...base, orm: d.project.orm, state: 'failed', error });
      if (human) process.stdout.write(`  ${paint('red', 'failed')}: ${error.replace(/\n/g, '\n  ')}\n`);
    }
  }
  if (human) process.stdout.write(summary(verb, args, outcomes));
  else process.stdout.write(`${JSON.stringify({ verb, dryRun: Boolean(args['dry-run']), root: target.workspace.root, packages: outcomes, collisions: gathered.collisions, ok: !failed }, null, 2)}\n`);
  return failed ? EXIT.failure : EXIT.ok;
}

function summary(verb: Verb, args: WorkspaceExecArgs, outcomes: readonly Outcome[]): string {
  const names = (state: Outcome['state']) => outcomes.filter((o) => o.state === state).map((o) => o.name);
  const count = outcomes.reduce((n, o) => n + (o.migrations?.length ?? 0), 0);
  const did = args['dry-run'] ? 'would apply' : verb === 'apply' ? 'applied' : 'rolled back';
  const lines = [`\n${names('done').length} package${names('done').length === 1 ? '' : 's'} done, ${count} migration${count === 1 ? '' : 's'} ${did}`];
  const failed = outcomes.find((o) => o.state === 'failed');
  if (failed) lines.push(`stopped at ${failed.name}: done ${names('done').join(', ') || 'nothing'}; not run: ${names('not-run').join(', ') || 'none'}`);
  if (names('skipped').length) lines.push(`skipped (no ORM): ${names('skipped').join(', ')}`);
  return `${lines.join('\n')}\n`;
}
