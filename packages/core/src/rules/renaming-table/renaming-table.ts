import { qname } from '../../dialects/postgres/quote.js';
import { renameTable } from '../../operations/rename-table.js';
import { onExistingTable, opsOf, show, sqlOf } from '../helpers.js';
import { defineRule, type Finding } from '../rule.js';

/**
 * RENAME TO is instant, but application instances still running with the old name fail on every
 * query of the table until they are replaced. A simple view under the old name, created in the same
 * transaction, keeps reads and writes through the old name working (PostgreSQL can update through
 * single-table views) until the code has moved. Tables created earlier in the same file are exempt.
 */
export const renamingTable = defineRule({
  id: 'renaming-table',
  code: 'DBM204',
  severity: 'error',
  summary: 'Do not rename existing tables without a compatibility view under the old name.',
  aliases: { squawk: ['renaming-table'], strongMigrations: 'rename_table', atlas: 'BC101' },
  check(file) {
    const out: Finding[] = [];
    for (const at of opsOf(file, 'renameTable')) {
      const { op } = at;
      if (!onExistingTable(file, at, op.table)) continue;
      const renamed = { ...op.table, name: op.to };
      out.push({
        at,
        message: `Renaming table ${show(op.table)} to ${op.to} breaks every running query that still uses the old name, until all application instances are replaced.`,
        help: [
          'rename and keep the old name as a view, in one transaction:',
          ...(at.inTransaction ? [] : ['BEGIN;']),
          `${sqlOf(renameTable({ ...op, ifExists: false }))};`,
          `CREATE VIEW ${qname(op.table)} AS SELECT * FROM ${qname(renamed)}; -- reads and writes through the old name keep working`,
          ...(at.inTransaction ? [] : ['COMMIT;']),
          `then, once no code uses ${op.table.name}: DROP VIEW ${qname(op.table)};`,
        ].join('\n'),
      });
    }
    return out;
  },
});
