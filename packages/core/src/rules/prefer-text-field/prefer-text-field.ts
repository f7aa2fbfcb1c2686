import { isBuiltin, showColumn, textWithLimit, typedColumns } from '../column-types.js';
import { defineRule, type Finding } from '../rule.js';

const VARCHAR = new Set(['varchar']);

/**
 * varchar(n) puts the length limit in the type. Raising it is cheap, but lowering it, or changing it
 * on a column an index or view depends on, rewrites or rechecks the table under an ACCESS EXCLUSIVE
 * lock. text with a CHECK (length(col) <= n) constraint stores the same data, and the limit can be
 * changed with the NOT VALID / VALIDATE pattern without blocking. varchar without a length is fine.
 */
export const preferTextField = defineRule({
  id: 'prefer-text-field',
  code: 'DBM404',
  severity: 'warning',
  summary: 'Use text with a CHECK on length rather than varchar(n).',
  aliases: { squawk: ['prefer-text-field'] },
  check(file) {
    const out: Finding[] = [];
    for (const tc of typedColumns(file)) {
      if (!isBuiltin(tc.type, VARCHAR) || tc.type.modifiers.length === 0) continue;
      out.push({
        at: tc.at,
        message:
          `${showColumn(tc)} is ${tc.type.sql}: the limit lives in the type, so changing it later can mean a table rewrite or ` +
          'full check under an ACCESS EXCLUSIVE lock; a CHECK constraint on text can be changed without blocking.',
        help: textWithLimit(file, tc, tc.type.modifiers[0]),
      });
    }
    return out;
  },
});
