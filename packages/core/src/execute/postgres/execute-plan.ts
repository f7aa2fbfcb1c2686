/** Runs every step of a plan in order, resuming after the steps a previous run finished. */
import type pg from 'pg';
import type { Plan } from '../../plan/types.js';
import type { ExecListener } from '../events.js';
import { DEFAULT_RETRY, type RetryPolicy } from '../retry.js';
import { doneSteps, ensureBookkeeping } from './bookkeeping.js';
import { runStep } from './run-step.js';

/** Options of {@link executePlan}. */
export interface ExecutePlanOptions {
  readonly client: pg.Client;
  readonly url: string;
  /** Identifies whose migration this is in dbm's bookkeeping, e.g. 'prisma:public._prisma_migrations'. */
  readonly ledger: string;
  readonly migration: string;
  /** Checksum of the migration as written; finished steps count only for the same checksum. */
  readonly checksum: string;
  readonly retry?: RetryPolicy;
  readonly listener?: ExecListener;
  /** Report index-build progress: true (every second), or the polling interval in ms. */
  readonly progress?: boolean | number;
}

/** Runs the plan's steps, skipping those already recorded as done; returns how many ran. */
export async function executePlan(plan: Plan, options: ExecutePlanOptions): Promise<{ ran: number; skipped: number }> {
  const listener = options.listener ?? (() => undefined);
  await ensureBookkeeping(options.client);
  const done = await doneSteps(options.client, options.ledger, options.migration, options.checksum);
  let ran = 0;
  for (const [index, step] of plan.steps.entries()) {
    if (done.has(index)) {
      listener({ type: 'step-skip', migration: options.migration, step: index, reason: 'done in an earlier run' });
      continue;
    }
    const started = Date.now();
    listener({ type: 'step-start', migration: options.migration, step: index, steps: plan.steps.length, transactional: step.transactional, comment: step.comment });
    await runStep(
      {
        client: options.client,
        url: options.url,
        ledger: options.ledger,
        migration: options.migration,
        checksum: options.checksum,
        steps: plan.steps.length,
        retry: options.retry ?? DEFAULT_RETRY,
        listener,
        progress: options.progress ?? false,
      },
      step,
      index,
    );
    listener({ type: 'step-done', migration: options.migration, step: index, ms: Date.now() - started });
    ran++;
  }
  return { ran, skipped: done.size };
}
