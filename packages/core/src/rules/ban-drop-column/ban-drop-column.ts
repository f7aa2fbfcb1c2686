import { dropColumn } from '../../operations/drop-column.js';
import { addedColumns } from '../column-types.js';
import type { OpContext } from '../context.js';
import { onExistingTable, show, sqlOf } from '../helpers.js';
import { rawAlterCommands } from '../raw-statements.js';
import { defineRule, type Finding } from '../rule.js';

/**
 * DROP COLUMN on a table that existed before the migration destroys the column's values, and every
 * running instance of the application that still selects, inserts or updates the column starts
 * failing the moment the migration commits. The safe order is expand/contract: the code stops using
 * the column first, and the column is dropped in a later deploy. Columns of tables created, or
 * columns added, earlier in the same file are exempt.
 */
export const banDropColumn = defineRule({
  id: 'ban-drop-column',
  code: 'DBM201',
  severity: 'error',
  summary: 'Drop a column only after the code has stopped using it, in a later migration.',
  aliases: { squawk: ['ban-drop-column'], strongMigrations: 'remove_column', atlas: 'DS103' },
  check(file) {
    const out: Finding[] = [];
    const isAdded = addedColumns(file);
    const report = (at: OpContext, op: ReturnType<typeof dropColumn>) => {
      if (!onExistingTable(file, at, op.table) || isAdded(op.table, op.column, at.index)) return;
      out.push({
        at,
        message:
          `Dropping ${show(op.table)}.${op.column} deletes its values, and every running query that still reads or writes the column fails ` +
          'from the moment the migration commits.',
        help: [
          'expand/contract:',
          `1. stop reading and writing ${op.column} in the application (remove it from the ORM model), and deploy that;`,
          `2. in a later migration: ${sqlOf(dropColumn({ ...op, ifExists: false }))};`,
          '   (dbm apply keeps a backup table of the values, so dbm rollback can restore them)',
        ].join('\n'),
      });
    };
    for (const at of file.ops) {
      if (at.op.kind === 'dropColumn') report(at, at.op);
      for (const { table, subtype, cmd } of rawAlterCommands(at.op)) {
        if (subtype !== 'AT_DropColumn' || typeof cmd.name !== 'string') continue;
        report(at, dropColumn({ table, column: cmd.name, ifExists: cmd.missing_ok === true, cascade: cmd.behavior === 'DROP_CASCADE' }));
      }
    }
    return out;
  },
});
