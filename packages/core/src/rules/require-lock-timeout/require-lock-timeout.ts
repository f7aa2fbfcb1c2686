import { atLeast } from '../../dialects/postgres/locks.js';
import type { OpContext } from '../context.js';
import { defineRule, type Finding } from '../rule.js';
import type { FileContext } from '../context.js';

/** Whether an operation waits for a lock that queues ordinary traffic behind it. */
function takesBlockingLock(file: FileContext, ctx: OpContext): boolean {
  if (ctx.op.kind === 'raw' && ctx.op.statement === 'LockStmt') return true;
  const { lock } = ctx;
  const own = atLeast(lock.level, 'SHARE UPDATE EXCLUSIVE') && !(lock.table && file.isNewTable(lock.table, ctx.index));
  const others = (lock.others ?? []).some((o) => atLeast(o.level, 'SHARE UPDATE EXCLUSIVE') && !file.isNewTable(o.table, ctx.index));
  return own || others;
}

/**
 * A statement that waits for a strong lock (behind one long query, say) makes every query that
 * arrives after it wait too: the table is effectively down. `SET lock_timeout` bounds that wait;
 * the statement fails fast and can be retried. Reported once per file, at the first such statement.
 */
export const requireLockTimeout = defineRule({
  id: 'require-lock-timeout',
  code: 'DBM114',
  severity: 'warning',
  summary: 'Set lock_timeout before statements that take locks on existing tables.',
  aliases: { squawk: ['require-timeout-settings', 'require-lock-timeout'] },
  check(file) {
    const first = file.ops.find((ctx) => !ctx.lockTimeout && takesBlockingLock(file, ctx));
    if (!first) return [];
    const count = file.ops.filter((ctx) => !ctx.lockTimeout && takesBlockingLock(file, ctx)).length;
    const out: Finding = {
      at: first,
      message:
        `${count === 1 ? 'This statement waits' : `This and ${count - 1} later statement(s) wait`} for a ${first.lock.level} lock with no lock_timeout: ` +
        'while it waits behind a long query, every query on the table queues behind it.',
      help: "SET lock_timeout = '20ms'; -- at the top of the migration; retry on SQLSTATE 55P03 (dbm apply does)",
    };
    return [out];
  },
});
