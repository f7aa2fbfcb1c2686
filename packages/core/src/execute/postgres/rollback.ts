/**
 * `dbm rollback`: undoes the last applied migrations, newest first — code migrations through their
 * ORM's own down functions, SQL migrations through down.sql or the derived reverse — and removes them
 * from the ORM's ledger so the ORM sees them as pending again. Refuses before running anything when a
 * migration cannot be undone.
 */
import { parsePostgres } from '../../dialects/postgres/parse.js';
import { planFix } from '../../plan/plan-fix.js';
import type { Plan } from '../../plan/types.js';
import type { ExecListener } from '../events.js';
import type { Ledger, MigrationSource } from '../ledger.js';
import { RefusedError } from '../refused.js';
import type { RetryPolicy } from '../retry.js';
import { readStatus, type StatusReport } from '../status.js';
import { ledgerKey } from './apply.js';
import { clearSteps, ensureBookkeeping } from './bookkeeping.js';
import { executePlan } from './execute-plan.js';
import { backupsOf } from './restore.js';
import { withLockedSession } from './session.js';
import { downSql } from './rollback-plan.js';

/** Options of {@link rollbackMigrations}. */
export interface RollbackOptions {
  readonly url: string;
  readonly ledger: Ledger;
  readonly sources: readonly MigrationSource[];
  /** How many applied migrations to undo (default 1). */
  readonly steps?: number;
  /** Undo every migration applied after this one (it stays applied). */
  readonly to?: string;
  readonly lockTimeout?: string;
  readonly statementTimeout?: string;
  readonly pgVersion?: number;
  readonly retry?: RetryPolicy;
  readonly wait?: boolean;
  readonly listener?: ExecListener;
}

/** What a rollback did. */
export interface RollbackResult {
  readonly rolledBack: string[];
  readonly status: StatusReport;
}

/** The applied migrations to undo, newest first. */
export function rollbackTargets(status: StatusReport, options: RollbackOptions): MigrationSource[] {
  const byName = new Map(options.sources.map((s) => [s.name, s]));
  const applied = status.migrations.filter((m) => m.state === 'applied' || m.state === 'edited');
  let chosen = applied;
  if (options.to !== undefined) {
    const at = applied.findIndex((m) => m.name === options.to);
    if (at < 0) throw new RefusedError('dbm rollback refused', [`${options.to} is not an applied migration`]);
    chosen = applied.slice(at + 1);
  } else chosen = applied.slice(Math.max(0, applied.length - (options.steps ?? 1)));
  const missing = chosen.filter((m) => !byName.has(m.name));
  if (missing.length) throw new RefusedError('dbm rollback refused: the files of these applied migrations are missing', missing.map((m) => m.name));
  return chosen.reverse().map((m) => byName.get(m.name)!);
}

/** Rolls back; throws RefusedError before running anything when a migration cannot be undone. */
export async function rollbackMigrations(options: RollbackOptions): Promise<RollbackResult> {
  const listener = options.listener ?? (() => undefined);
  const key = ledgerKey(options.ledger);
  return withLockedSession(options.url, options, async (client) => {
    const targets = rollbackTargets(await readStatus(client, options.ledger, options.sources), options);
    const plans = new Map<string, Plan>();
    const reasons: string[] = [];
    for (const m of targets) {
      if (m.runner) continue;
      const down = downSql(m, await backupsOf(client, key, m.name));
      if (!down.ok) reasons.push(...down.reasons);
      else {
        plans.set(
          m.name,
          planFix(parsePostgres(down.sql, `${m.path} (down)`), {
            ...(options.pgVersion ? { pgVersion: options.pgVersion } : {}),
            ...(options.lockTimeout ? { lockTimeout: options.lockTimeout } : {}),
            ...(options.statementTimeout ? { statementTimeout: options.statementTimeout } : {}),
          }),
        );
      }
    }
    if (reasons.length) throw new RefusedError('dbm rollback refused: these statements cannot be undone (nothing was changed)', reasons);
    await ensureBookkeeping(client);
    const batch = (await options.ledger.nextBatch?.(client)) ?? 0;
    const rolledBack: string[] = [];
    for (const m of targets) {
      const started = Date.now();
      const plan = plans.get(m.name);
      listener({ type: 'migration-start', migration: `${m.name} (rollback)`, steps: plan?.steps.length ?? 1, resumed: false });
      if (m.runner) {
        await m.runner.down({ url: options.url, lockTimeout: options.lockTimeout ?? '20ms', ...(options.statementTimeout ? { statementTimeout: options.statementTimeout } : {}), batch });
      } else if (plan) {
        const downKey = `rollback:${m.name}`;
        await executePlan(plan, { client, url: options.url, ledger: key, migration: downKey, checksum: m.checksum || m.name, listener, ...(options.retry ? { retry: options.retry } : {}) });
        await client.query('BEGIN');
        try {
          await options.ledger.remove(client, m);
          await clearSteps(client, key, downKey);
          await clearSteps(client, key, m.name);
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw e;
        }
      }
      rolledBack.push(m.name);
      listener({ type: 'migration-done', migration: `${m.name} (rollback)`, ms: Date.now() - started });
    }
    return { rolledBack, status: await readStatus(client, options.ledger, options.sources) };
  });
}
