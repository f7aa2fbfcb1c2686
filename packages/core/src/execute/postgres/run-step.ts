/**
 * Runs one planned step: a transactional step inside BEGIN/COMMIT with its completion recorded in the
 * same transaction (so a crash leaves it either wholly done and recorded, or not at all); a
 * non-transactional step statement by statement, each guarded so a rerun after a crash neither repeats
 * finished work nor trips over what a killed statement left behind. Lost lock races are retried.
 */
import type pg from 'pg';
import type { Step } from '../../plan/types.js';
import { stepFailed } from '../errors.js';
import type { ExecListener } from '../events.js';
import { withLockRetry, type RetryPolicy } from '../retry.js';
import { markStepDone } from './bookkeeping.js';
import { guardStatement } from './guards.js';
import { backfillNoticeListener, watchIndexBuild } from './progress.js';

/** Everything a step run needs besides the step. */
export interface StepRun {
  readonly client: pg.Client;
  /** The database URL, for the progress watcher's second connection. */
  readonly url: string;
  readonly ledger: string;
  readonly migration: string;
  readonly checksum: string;
  readonly steps: number;
  readonly retry: RetryPolicy;
  readonly listener: ExecListener;
  /** Report index-build progress from a second connection: true (every second), or the interval in ms. */
  readonly progress: boolean | number;
}

const isIndexBuild = (s: string) => /^\s*CREATE\s+(UNIQUE\s+)?INDEX\b/i.test(s);

async function runTransactional(run: StepRun, step: Step, index: number): Promise<void> {
  let current = '';
  await withLockRetry(
    async () => {
      await run.client.query('BEGIN');
      try {
        for (const statement of step.statements) {
          current = statement;
          await run.client.query(statement);
        }
        await markStepDone(run.client, run.ledger, run.migration, index, run.checksum);
        await run.client.query('COMMIT');
      } catch (e) {
        await run.client.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    },
    run.retry,
    (attempt, delayMs, e) => run.listener({ type: 'retry', migration: run.migration, step: index, attempt, delayMs, reason: reason(e) }),
  ).catch((e) => {
    throw stepFailed(run.migration, index, run.steps, current, e);
  });
}

/**
 * CONCURRENTLY statements take SHARE UPDATE EXCLUSIVE, which ordinary writes never wait for, and then wait
 * for older transactions to end; a short lock_timeout would only make them fail (and leave an INVALID
 * index behind), so they run without one. Writes are never queued behind them.
 */
const CONCURRENT = /^\s*(CREATE\s+(UNIQUE\s+)?INDEX\s+CONCURRENTLY|DROP\s+INDEX\s+CONCURRENTLY|REINDEX\b[^;]*\bCONCURRENTLY|ALTER\s+TABLE\b[^;]*\bDETACH\s+PARTITION\b[^;]*\bCONCURRENTLY)/i;

async function withoutLockTimeout<T>(client: pg.Client, work: () => Promise<T>): Promise<T> {
  const previous = String((await client.query('SHOW lock_timeout')).rows[0]?.lock_timeout ?? '0');
  await client.query('SET lock_timeout = 0');
  try {
    return await work();
  } finally {
    await client.query(`SET lock_timeout = '${previous.replace(/'/g, "''")}'`);
  }
}

async function runOne(run: StepRun, statement: string, index: number): Promise<void> {
  const concurrent = CONCURRENT.test(statement);
  const pid = (run.client as unknown as { processID?: number }).processID;
  const every = run.progress === true ? 1000 : Number(run.progress) || 0;
  const stop = every > 0 && pid && isIndexBuild(statement) ? watchIndexBuild(run.url, pid, run.listener, every) : undefined;
  try {
    await withLockRetry(
      async () => {
        // checked on every attempt: a crash or a failed attempt may have finished the work or left an INVALID index
        const guard = await guardStatement(run.client, statement);
        if (guard.action === 'skip') {
          run.listener({ type: 'step-skip', migration: run.migration, step: index, reason: guard.reason });
          return;
        }
        if (guard.action === 'drop-invalid-then-run') {
          await withoutLockTimeout(run.client, () => run.client.query(`DROP INDEX CONCURRENTLY IF EXISTS ${guard.index}`));
          run.listener({ type: 'invalid-index-dropped', index: guard.index });
        }
        if (concurrent) await withoutLockTimeout(run.client, () => run.client.query(statement));
        else await run.client.query(statement);
      },
      run.retry,
      (attempt, delayMs, e) => run.listener({ type: 'retry', migration: run.migration, step: index, attempt, delayMs, reason: reason(e) }),
    );
  } catch (e) {
    throw stepFailed(run.migration, index, run.steps, statement, e);
  } finally {
    await stop?.();
  }
}

async function runNonTransactional(run: StepRun, step: Step, index: number): Promise<void> {
  for (const statement of step.statements) await runOne(run, statement, index);
  await markStepDone(run.client, run.ledger, run.migration, index, run.checksum);
}

/** Runs step `index` of a migration. */
export async function runStep(run: StepRun, step: Step, index: number): Promise<void> {
  const onNotice = backfillNoticeListener(run.listener);
  run.client.on('notice', onNotice);
  try {
    if (step.transactional) await runTransactional(run, step, index);
    else await runNonTransactional(run, step, index);
  } finally {
    run.client.off('notice', onNotice);
  }
}

function reason(e: unknown): string {
  return String((e as { message?: string }).message ?? e);
}
