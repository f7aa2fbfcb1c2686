import { defineRule } from '../rule.js';
import { transactionSteps } from '../transaction-state.js';

/**
 * A transaction the file opens and never closes is left to whatever runs the file: psql rolls it
 * back when the session ends, other runners leave the session idle in transaction, holding every
 * lock the migration took, or commit it implicitly. Either the work is silently lost or the locks
 * are held. As in PostgreSQL, a BEGIN inside an open transaction is ignored, so BEGIN; BEGIN; COMMIT;
 * closes the only real transaction (transaction-nesting reports the extra BEGIN).
 */
export const banUncommittedTransaction = defineRule({
  id: 'ban-uncommitted-transaction',
  code: 'DBM301',
  severity: 'error',
  summary: 'Close every transaction the file opens with COMMIT (or ROLLBACK).',
  aliases: { squawk: ['ban-uncommitted-transaction'] },
  check(file) {
    // the file's own transactions, whatever the runner does around them
    const { end } = transactionSteps(file, false);
    if (!end.open || end.openedAt === undefined) return [];
    const at = file.ops[end.openedAt]!;
    return [
      {
        at,
        message:
          `The transaction opened here is never committed or rolled back: depending on the runner the migration's work is rolled back ` +
          'when the session ends, or the session stays idle in transaction holding its locks.',
        help: 'COMMIT; -- at the end of the file',
      },
    ];
  },
});
