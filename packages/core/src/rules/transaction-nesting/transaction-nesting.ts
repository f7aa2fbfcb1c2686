import { defineRule, type Finding } from '../rule.js';
import { transactionSteps } from '../transaction-state.js';

const SPLIT = 'put statements that need their own transaction (or none) in a separate migration file; dbm apply runs non-transactional steps itself';

/**
 * PostgreSQL has no nested transactions. A BEGIN inside an open transaction is ignored with only a
 * warning, so the "inner" COMMIT commits the outer work too, and a later ROLLBACK has nothing left to
 * undo. A COMMIT or ROLLBACK with no transaction open is also just a warning, a sign the file's idea
 * of its transactions is wrong. When the migration tool runs the file in its own transaction
 * (assumeInTransaction), any BEGIN is nested in it and any COMMIT / ROLLBACK ends it early: the rest
 * of the file then runs outside a transaction.
 */
export const transactionNesting = defineRule({
  id: 'transaction-nesting',
  code: 'DBM302',
  severity: 'error',
  summary: 'No BEGIN inside an open transaction, no COMMIT / ROLLBACK without one (including the tool\'s own).',
  aliases: { squawk: ['transaction-nesting'] },
  check(file) {
    const out: Finding[] = [];
    const { steps } = transactionSteps(file);
    for (const at of file.ops) {
      const step = steps[at.index]!;
      const control = step.control;
      if (!control) continue;
      if (control.action === 'begin') {
        if (!step.openBefore) continue;
        out.push({
          at,
          message: step.toolsBefore
            ? `${control.text} inside the transaction the migration tool already opened: PostgreSQL ignores it with a warning, and the file's COMMIT then ends the tool's transaction early.`
            : `${control.text} inside an open transaction: PostgreSQL ignores it with a warning, so the next COMMIT commits everything since the first BEGIN and a later ROLLBACK undoes nothing.`,
          help: step.toolsBefore ? `remove the BEGIN / COMMIT: the tool already runs the file in a transaction; or ${SPLIT}` : `remove the inner ${control.text}; or ${SPLIT}`,
        });
      } else if (!step.openBefore) {
        out.push({
          at,
          message: control.chain
            ? `${control.text} with no transaction open: PostgreSQL rejects AND CHAIN outside a transaction block, so the file fails here.`
            : `${control.text} with no transaction open: PostgreSQL only warns, and the statements before it have already committed one by one.`,
          help: `remove it, or add the BEGIN it is meant to close`,
        });
      } else if (step.toolsBefore) {
        out.push({
          at,
          message:
            `${control.text} ends the transaction the migration tool opened: the statements after it run outside any transaction, ` +
            'and a failure no longer rolls back the ones before.',
          help: `remove it; ${SPLIT}`,
        });
      }
    }
    return out;
  },
});
