import { addCheck } from '../../operations/add-check.js';
import { addForeignKey } from '../../operations/add-foreign-key.js';
import { tableKey, type OpContext } from '../context.js';
import { onExistingTable, show, sqlOf } from '../helpers.js';
import { defineRule, type Finding } from '../rule.js';

const VALIDATE = 'then, in a separate transaction: ALTER TABLE ... VALIDATE CONSTRAINT ...; (takes SHARE UPDATE EXCLUSIVE: reads and writes go on)';

/**
 * Adding a foreign key or check constraint validates every existing row while holding the lock
 * (SHARE ROW EXCLUSIVE on both tables for a foreign key, ACCESS EXCLUSIVE for a check). The safe form
 * adds it NOT VALID and validates it in a later transaction. Validating in the same transaction as
 * the NOT VALID add gains nothing, so that is flagged too.
 */
export const constraintMissingNotValid = defineRule({
  id: 'constraint-missing-not-valid',
  code: 'DBM104',
  severity: 'error',
  summary: 'Add foreign keys and checks on existing tables NOT VALID, then VALIDATE them in a separate transaction.',
  aliases: {
    squawk: ['constraint-missing-not-valid', 'adding-foreign-key-constraint'],
    strongMigrations: 'add_foreign_key',
  },
  check(file) {
    const out: Finding[] = [];
    // constraints added NOT VALID in this file: name → transaction it was added in
    const notValidAdds = new Map<string, { depth: number; txSerial: number }>();
    let txSerial = 0;
    for (const ctx of file.ops) {
      const { op } = ctx;
      if (op.kind === 'transaction' && op.action === 'begin') txSerial++;
      if ((op.kind === 'addForeignKey' || op.kind === 'addCheck') && onExistingTable(file, ctx, op.table)) {
        if (op.notValid) {
          if (op.name) notValidAdds.set(`${tableKey(op.table)}.${op.name}`, { depth: ctx.transactionDepth, txSerial });
          continue;
        }
        const safe = op.kind === 'addForeignKey' ? sqlOf(addForeignKey({ ...op, notValid: true })) : sqlOf(addCheck({ ...op, notValid: true }));
        out.push(finding(ctx, op.kind === 'addForeignKey' ? 'foreign key' : 'check constraint', show(op.table), `${safe};\n${VALIDATE}`));
      }
      if (op.kind === 'addColumn' && onExistingTable(file, ctx, op.table)) {
        const inline = op.column.constraints.find((c) => c.type === 'references' || c.type === 'check');
        if (inline) {
          out.push(
            finding(
              ctx,
              inline.type === 'references' ? 'foreign key' : 'check constraint',
              show(op.table),
              `add the column without the constraint, then ALTER TABLE ... ADD CONSTRAINT ... NOT VALID;\n${VALIDATE}`,
            ),
          );
        }
      }
      if (op.kind === 'validateConstraint') {
        const added = notValidAdds.get(`${tableKey(op.table)}.${op.name}`);
        const sameTx = added && (ctx.inTransaction && (file.settings.assumeInTransaction || (added.depth > 0 && added.txSerial === txSerial)));
        if (sameTx) {
          out.push({
            at: ctx,
            message: `VALIDATE CONSTRAINT ${op.name} runs in the same transaction as its NOT VALID add, so the add's lock is held during the whole validation.`,
            help: 'commit after ADD CONSTRAINT ... NOT VALID, and run VALIDATE CONSTRAINT in its own transaction',
          });
        }
      }
    }
    return out;
  },
});

function finding(ctx: OpContext, what: string, table: string, help: string): Finding {
  return {
    at: ctx,
    message: `Adding a ${what} to ${table} checks every existing row while holding a lock that blocks writes.`,
    help,
  };
}
