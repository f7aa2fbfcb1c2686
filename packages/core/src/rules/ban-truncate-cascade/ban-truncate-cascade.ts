import { list } from '../../dialects/postgres/ast.js';
import { qname } from '../../dialects/postgres/quote.js';
import type { QualifiedName } from '../../operations/common.js';
import { show } from '../helpers.js';
import { rawNode, relationName } from '../raw-statements.js';
import { defineRule, type Finding } from '../rule.js';

/**
 * TRUNCATE ... CASCADE also empties every table that has a foreign key to the truncated ones, and
 * every table referencing those, recursively: the statement names one table and may wipe many, with
 * no way to see which from the migration itself.
 */
export const banTruncateCascade = defineRule({
  id: 'ban-truncate-cascade',
  code: 'DBM118',
  severity: 'error',
  summary: 'Do not TRUNCATE ... CASCADE; name every table to empty.',
  aliases: { squawk: ['ban-truncate-cascade'] },
  check(file) {
    const out: Finding[] = [];
    for (const ctx of file.ops) {
      const b = rawNode(ctx.op, 'TruncateStmt');
      if (!b || b.behavior !== 'DROP_CASCADE') continue;
      const tables = list(b, 'relations')
        .map(relationName)
        .filter((t): t is QualifiedName => t !== undefined);
      out.push({
        at: ctx,
        message:
          `TRUNCATE ${tables.map(show).join(', ')} CASCADE also empties every table with a foreign key to ${tables.length === 1 ? 'it' : 'them'}, ` +
          'recursively: rows in tables the statement never names are deleted.',
        help:
          `TRUNCATE ${tables.map(qname).join(', ')}; -- without CASCADE: if other tables reference these, PostgreSQL names them in the error; ` +
          'add the ones you really mean to empty to the list',
      });
    }
    return out;
  },
});
