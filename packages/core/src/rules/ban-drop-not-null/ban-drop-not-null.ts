import { ident } from '../../dialects/postgres/quote.js';
import type { QualifiedName } from '../../operations/common.js';
import { addedColumns } from '../column-types.js';
import type { OpContext } from '../context.js';
import { onExistingTable, show } from '../helpers.js';
import { rawAlterCommands } from '../raw-statements.js';
import { defineRule, type Finding } from '../rule.js';

/**
 * DROP NOT NULL is instant, but it changes the contract of the column: running code (and ORM
 * models that type the field as always present) may meet NULLs it never handled, and putting the
 * constraint back later needs a full scan of the table. Columns of tables created, or added, earlier
 * in the same file are exempt.
 */
export const banDropNotNull = defineRule({
  id: 'ban-drop-not-null',
  code: 'DBM205',
  severity: 'warning',
  summary: 'Dropping NOT NULL lets NULLs into a column the code may assume is always set.',
  aliases: { squawk: ['ban-drop-not-null'] },
  check(file) {
    const out: Finding[] = [];
    const isAdded = addedColumns(file);
    const report = (at: OpContext, table: QualifiedName, column: string) => {
      if (!onExistingTable(file, at, table) || isAdded(table, column, at.index)) return;
      const c = ident(column);
      out.push({
        at,
        message:
          `Dropping NOT NULL on ${show(table)}.${column} lets NULLs in: code that assumes the column always has a value may break, ` +
          'and restoring the constraint later needs a scan of the whole table.',
        help:
          `first make every reader of ${column} handle NULL (and the ORM model mark it optional), then drop the constraint; ` +
          `to restore it later without a long lock: ADD CONSTRAINT ... CHECK (${c} IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT, ` +
          `ALTER COLUMN ${c} SET NOT NULL, then drop the check`,
      });
    };
    for (const at of file.ops) {
      if (at.op.kind === 'dropNotNull') report(at, at.op.table, at.op.column);
      for (const { table, subtype, cmd } of rawAlterCommands(at.op)) {
        if (subtype === 'AT_DropNotNull' && typeof cmd.name === 'string') report(at, table, cmd.name);
      }
    }
    return out;
  },
});
