import { ident, qname } from '../../dialects/postgres/quote.js';
import type { QualifiedName } from '../../operations/common.js';
import { dropColumn } from '../../operations/drop-column.js';
import { addedColumns } from '../column-types.js';
import type { OpContext } from '../context.js';
import { onExistingTable, show, sqlOf } from '../helpers.js';
import { rawColumnRename } from '../raw-statements.js';
import { defineRule, type Finding } from '../rule.js';

/**
 * RENAME COLUMN is instant, but the application instances still running during and after the
 * deploy keep using the old name, and every one of their queries on that column fails until they are
 * replaced. The safe way is expand/contract: add the new column, keep both in sync, move the code,
 * then drop the old one. Columns of tables created, or added, earlier in the same file are exempt.
 */
export const renamingColumn = defineRule({
  id: 'renaming-column',
  code: 'DBM203',
  severity: 'error',
  summary: 'Do not rename columns of existing tables; add the new column and migrate to it (expand/contract).',
  aliases: { squawk: ['renaming-column'], strongMigrations: 'rename_column', atlas: 'BC102' },
  check(file) {
    const out: Finding[] = [];
    const isAdded = addedColumns(file);
    const report = (at: OpContext, table: QualifiedName, column: string, to: string) => {
      if (!onExistingTable(file, at, table) || isAdded(table, column, at.index)) return;
      const t = qname(table);
      const [from, into] = [ident(column), ident(to)];
      out.push({
        at,
        message: `Renaming ${show(table)}.${column} to ${to} breaks every running query that still uses the old name, until all application instances are replaced.`,
        help: [
          'expand/contract:',
          `1. ALTER TABLE ${t} ADD COLUMN ${into} <the type of ${column}>;`,
          `2. a trigger keeping them in sync: BEFORE INSERT OR UPDATE ... SET NEW.${into} = NEW.${from} (and the reverse when only ${into} is written);`,
          `3. backfill in batches: UPDATE ${t} SET ${into} = ${from} WHERE ${into} IS DISTINCT FROM ${from} (a few thousand rows per statement);`,
          `4. switch the application to ${to}, and deploy;`,
          `5. in a later migration: drop the trigger, then ${sqlOf(dropColumn({ table, column, ifExists: false, cascade: false }))}.`,
        ].join('\n'),
      });
    };
    for (const at of file.ops) {
      if (at.op.kind === 'renameColumn') report(at, at.op.table, at.op.column, at.op.to);
      const raw = rawColumnRename(at.op);
      if (raw) report(at, raw.table, raw.column, raw.to);
    }
    return out;
  },
});
