import type { QualifiedName } from '../../operations/common.js';
import type { OpContext } from '../context.js';
import { onExistingTable, show } from '../helpers.js';
import { defineRule, type Finding } from '../rule.js';

/** Raw statements that do no work on data or schema (session settings, SHOW). */
const CHEAP_RAW = new Set(['VariableSetStmt', 'VariableShowStmt', 'TransactionStmt']);

/** Whether a statement does real work while an earlier lock is held (anything but SET / SHOW / COMMIT). */
function doesWork(ctx: OpContext): boolean {
  const { op } = ctx;
  if (op.kind === 'setting' || op.kind === 'transaction') return false;
  return !(op.kind === 'raw' && CHEAP_RAW.has(op.statement));
}

/** The ACCESS EXCLUSIVE lock an operation takes on a table that existed before the file. */
interface Held {
  readonly table: QualifiedName;
  readonly line: number;
  readonly statement: number;
}

/**
 * A lock is held until its transaction ends. Once a statement has taken ACCESS EXCLUSIVE on an
 * existing table, every later statement of the same transaction runs while all reads and writes of
 * that table wait, so the outage lasts as long as all of them together (and each extra lock taken
 * meanwhile risks a deadlock). Reported once per transaction, at the first statement that does work
 * after the lock. Counts explicit BEGIN ... COMMIT blocks, or the whole file when it is assumed to run in
 * one transaction.
 */
export const lockHeldAcrossStatements = defineRule({
  id: 'lock-held-across-statements',
  code: 'DBM115',
  severity: 'warning',
  summary: 'Do not run more statements in a transaction after one takes an ACCESS EXCLUSIVE lock on an existing table.',
  aliases: {},
  check(file) {
    const out: Finding[] = [];
    let held: Held | undefined;
    let reported = false;
    for (const ctx of file.ops) {
      const { op } = ctx;
      if (op.kind === 'transaction' || !ctx.inTransaction) {
        // a transaction starts or ends here, or the statement runs on its own: nothing is held any more
        held = undefined;
        reported = false;
        continue;
      }
      if (held && !reported && ctx.statement.index !== held.statement && doesWork(ctx)) {
        reported = true;
        out.push({
          at: ctx,
          message:
            `This statement runs while the ACCESS EXCLUSIVE lock on ${show(held.table)} taken at line ${held.line} is still held: ` +
            `reads and writes of ${show(held.table)} wait until the whole transaction commits.`,
          help: 'commit right after the locking statement and run the rest in a separate transaction (dbm fix splits it)',
          lock: 'ACCESS EXCLUSIVE',
        });
      }
      const { lock } = ctx;
      if (!held && lock.level === 'ACCESS EXCLUSIVE' && lock.table && onExistingTable(file, ctx, lock.table)) {
        held = { table: lock.table, line: ctx.statement.loc.line, statement: ctx.statement.index };
      }
    }
    return out;
  },
});
