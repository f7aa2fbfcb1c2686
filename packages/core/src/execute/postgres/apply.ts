/**
 * `dbm apply`: runs every pending migration in its safe form (or as written), records it in the ORM's own
 * ledger, keeps the data of destructive steps for rollback, and resumes a run that was killed.
 */
import type pg from 'pg';
import { parsePostgres } from '../../dialects/postgres/parse.js';
import { planFix } from '../../plan/plan-fix.js';
import type { Plan } from '../../plan/types.js';
import { asWrittenPlan } from '../as-written.js';
import type { ExecListener } from '../events.js';
import type { Ledger, MigrationSource } from '../ledger.js';
import { RefusedError } from '../refused.js';
import { DEFAULT_RETRY, withLockRetry, type RetryPolicy } from '../retry.js';
import { readStatus, type StatusReport } from '../status.js';
import { withBackups } from './backups.js';
import { clearSteps, ensureBookkeeping } from './bookkeeping.js';
import { executePlan } from './execute-plan.js';
import { withLockedSession } from './session.js';

/** Options of {@link applyMigrations}. */
export interface ApplyOptions {
  readonly url: string;
  readonly ledger: Ledger;
  readonly sources: readonly MigrationSource[];
  /** Run the SQL as written instead of its safe form. */
  readonly asWritten?: boolean;
  /** Run statements that have no automatic safe form even when the file does not acknowledge them. */
  readonly allowHazards?: boolean;
  readonly lockTimeout?: string;
  readonly statementTimeout?: string;
  readonly pgVersion?: number;
  readonly retry?: RetryPolicy;
  /** Wait for a concurrent apply to finish (default), or fail at once. */
  readonly wait?: boolean;
  /** Apply up to and including this migration. */
  readonly to?: string;
  readonly listener?: ExecListener;
  /** Report index-build progress: true (every second), or the polling interval in ms. */
  readonly progress?: boolean | number;
}

/** What an apply did. */
export interface ApplyResult {
  readonly applied: string[];
  /** Migrations that a killed run had started and this run finished. */
  readonly resumed: string[];
  readonly status: StatusReport;
}

/** dbm's bookkeeping key for a ledger. */
export function ledgerKey(ledger: Ledger): string {
  return `${ledger.orm}:${ledger.table}`;
}

/** The plan a SQL migration runs as. */
export function planFor(m: MigrationSource, o: Pick<ApplyOptions, 'asWritten' | 'lockTimeout' | 'statementTimeout' | 'pgVersion'>): Plan {
  const file = parsePostgres(m.sql ?? '', m.path);
  if (o.asWritten) return asWrittenPlan(file, { ...(o.lockTimeout ? { lockTimeout: o.lockTimeout } : {}) });
  return planFix(file, {
    ...(o.pgVersion ? { pgVersion: o.pgVersion } : {}),
    ...(o.lockTimeout ? { lockTimeout: o.lockTimeout } : {}),
    ...(o.statementTimeout ? { statementTimeout: o.statementTimeout } : {}),
  });
}

/** Which migrations an apply would run, in order, and the plans of the SQL ones; refuses before anything runs. */
export function pendingWork(status: StatusReport, options: ApplyOptions): { source: MigrationSource; plan?: Plan; resumed: boolean }[] {
  const edited = status.migrations.filter((m) => m.state === 'edited');
  if (edited.length) {
    throw new RefusedError(
      'dbm apply refused: migrations were edited after they were applied',
      edited.map((m) => `${m.name}: ${m.detail}; restore the file as it was applied, and put the change in a new migration`),
    );
  }
  const byName = new Map(options.sources.map((s) => [s.name, s]));
  const todo: { source: MigrationSource; resumed: boolean }[] = [];
  for (const m of status.migrations) {
    if (m.state !== 'pending' && m.state !== 'out-of-order' && m.state !== 'failed') continue;
    const source = byName.get(m.name);
    if (source) todo.push({ source, resumed: m.state === 'failed' });
  }
  if (options.to !== undefined) {
    const at = todo.findIndex((t) => t.source.name === options.to);
    if (at < 0 && !options.sources.some((s) => s.name === options.to)) {
      throw new RefusedError('dbm apply refused', [`no migration named ${options.to}`]);
    }
    if (at >= 0) todo.splice(at + 1);
    else todo.length = 0;
  }
  const planned: { source: MigrationSource; plan?: Plan; resumed: boolean }[] = todo.map((t) =>
    t.source.runner ? t : { ...t, plan: planFor(t.source, options) },
  );
  const hazards = planned.flatMap((t) =>
    (t.plan?.notes ?? [])
      .filter((n) => n.severity === 'error')
      .map((n) => `${t.source.name} line ${n.line}: ${n.message}\n${n.plan.map((p, i) => `${i + 1}. ${p}`).join('\n')}`),
  );
  if (hazards.length && !options.allowHazards) {
    throw new RefusedError(
      'dbm apply refused: these statements have no automatic safe form (acknowledge each with -- dbm-ignore <rule> above it, or pass --allow-hazards)',
      hazards,
    );
  }
  return planned;
}

async function finish(client: pg.Client, ledger: Ledger, m: MigrationSource, steps: number): Promise<void> {
  await client.query('BEGIN');
  try {
    await ledger.finish(client, m, { appliedSteps: steps });
    await clearSteps(client, ledgerKey(ledger), m.name);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** Applies the pending migrations. Throws RefusedError (nothing ran) or StepFailedError (the ledger shows the failure). */
export async function applyMigrations(options: ApplyOptions): Promise<ApplyResult> {
  const listener = options.listener ?? (() => undefined);
  return withLockedSession(options.url, options, async (client) => {
    await ensureBookkeeping(client);
    await options.ledger.ensure(client);
    const work = pendingWork(await readStatus(client, options.ledger, options.sources), options);
    const batch = (await options.ledger.nextBatch?.(client)) ?? 0;
    const applied: string[] = [];
    const resumed: string[] = [];
    for (const { source, plan, resumed: isResume } of work) {
      const started = Date.now();
      listener({ type: 'migration-start', migration: source.name, steps: plan?.steps.length ?? 1, resumed: isResume });
      if (source.runner) {
        const runner = source.runner;
        const run = () =>
          runner.up({
            url: options.url,
            lockTimeout: options.lockTimeout ?? '20ms',
            ...(options.statementTimeout ? { statementTimeout: options.statementTimeout } : {}),
            batch,
          });
        // a transactional code migration that lost a lock race left nothing behind: run it again, with backoff
        if ((await runner.transactional?.()) !== false) {
          await withLockRetry(run, options.retry ?? DEFAULT_RETRY, (attempt, delayMs, e) =>
            listener({ type: 'retry', migration: source.name, step: 0, attempt, delayMs, reason: String((e as Error).message ?? e) }),
          );
        } else await run();
      } else if (plan) {
        const protectedPlan = await withBackups(client, plan, { ledger: ledgerKey(options.ledger), migration: source.name });
        if (!isResume) await options.ledger.start(client, source);
        try {
          await executePlan(protectedPlan.plan, {
            client,
            url: options.url,
            ledger: ledgerKey(options.ledger),
            migration: source.name,
            checksum: source.checksum || source.name,
            listener,
            ...(options.retry ? { retry: options.retry } : {}),
            progress: options.progress ?? false,
          });
        } catch (e) {
          await options.ledger.fail(client, source, String((e as Error).message ?? e)).catch(() => undefined);
          throw e;
        }
        await finish(client, options.ledger, source, protectedPlan.plan.steps.length);
      }
      (isResume ? resumed : applied).push(source.name);
      listener({ type: 'migration-done', migration: source.name, ms: Date.now() - started });
    }
    return { applied, resumed, status: await readStatus(client, options.ledger, options.sources) };
  });
}
