import { rawNode } from '../raw-statements.js';
import { defineRule, type Finding } from '../rule.js';

/**
 * DROP DATABASE deletes a whole database, every table and row in it, and cannot run inside a
 * transaction, so nothing rolls it back. A migration has no business doing that; a mistyped name or a
 * migration run against the wrong server is unrecoverable without a backup.
 */
export const banDropDatabase = defineRule({
  id: 'ban-drop-database',
  code: 'DBM119',
  severity: 'error',
  summary: 'Never DROP DATABASE in a migration.',
  aliases: { squawk: ['ban-drop-database'] },
  check(file) {
    const out: Finding[] = [];
    for (const ctx of file.ops) {
      const b = rawNode(ctx.op, 'DropdbStmt');
      if (!b) continue;
      const name = String(b.dbname ?? '');
      out.push({
        at: ctx,
        message: `DROP DATABASE ${name} deletes the whole database with all its data; it cannot run in a transaction, so nothing can roll it back.`,
        help: 'remove it from the migration; drop databases by hand, after a backup, outside the migration history',
      });
    }
    return out;
  },
});
