import { renameTable } from '../../operations/rename-table.js';
import { onExistingTable, opsOf, show, sqlOf } from '../helpers.js';
import { defineRule, type Finding } from '../rule.js';

const SUFFIX = '_deprecated';

/**
 * DROP TABLE of a table that existed before the migration deletes all its rows, and any code still
 * using the table fails at once. IF EXISTS does not make it safer: it only hides a missing table.
 * Renaming the table to a deprecated name first keeps the data (and makes any forgotten reader fail
 * loudly but recoverably); the drop comes in a later migration. Tables created earlier in the same
 * file are exempt.
 */
export const banDropTable = defineRule({
  id: 'ban-drop-table',
  code: 'DBM202',
  severity: 'error',
  summary: 'Do not drop existing tables in the migration that stops using them; rename them first, drop later.',
  aliases: { squawk: ['ban-drop-table'], atlas: 'DS102' },
  check(file) {
    const out: Finding[] = [];
    for (const at of opsOf(file, 'dropTable')) {
      const { op } = at;
      if (!onExistingTable(file, at, op.table)) continue;
      const deprecated = renameTable({ table: op.table, to: deprecatedName(op.table.name), ifExists: op.ifExists });
      out.push({
        at,
        message:
          `Dropping table ${show(op.table)} deletes all its rows, and anything still using it fails at once` +
          (op.cascade ? '; CASCADE also drops the views and foreign keys that depend on it.' : '.'),
        help: [
          `1. stop using ${show(op.table)} in the application, and deploy that;`,
          `2. keep the rows instead of dropping them now: ${sqlOf(deprecated)};`,
          `3. drop ${deprecated.to} in a later migration, once nothing has missed it (dbm apply keeps a backup for dbm rollback).`,
        ].join('\n'),
      });
    }
    return out;
  },
});

/** `<name>_deprecated`, shortened so the result stays within PostgreSQL's 63-byte identifiers. */
function deprecatedName(name: string): string {
  let base = name;
  while (Buffer.byteLength(base + SUFFIX, 'utf8') > 63) base = [...base].slice(0, -1).join('');
  return base + SUFFIX;
}
