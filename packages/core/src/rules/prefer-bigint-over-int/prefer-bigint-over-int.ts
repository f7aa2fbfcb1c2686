import { builtinType, isBuiltin, showColumn, typedColumns, withType } from '../column-types.js';
import { defineRule, type Finding } from '../rule.js';

const INT = new Set(['int4', 'serial', 'serial4']);
const SERIAL = new Set(['serial', 'serial4']);

/**
 * A 32-bit integer column runs out at 2,147,483,647: ids of a busy table, counters and foreign keys
 * to such ids get there, and inserts then fail. Changing the column to bigint later rewrites the whole
 * table under an ACCESS EXCLUSIVE lock (and every referencing column too); starting with bigint costs
 * four bytes a row. Applies to new tables as well: that is when the choice is cheap.
 */
export const preferBigintOverInt = defineRule({
  id: 'prefer-bigint-over-int',
  code: 'DBM401',
  severity: 'warning',
  summary: 'Use bigint rather than integer / serial: 32-bit columns overflow, and widening them rewrites the table.',
  aliases: { squawk: ['prefer-bigint-over-int'] },
  check(file) {
    const out: Finding[] = [];
    for (const tc of typedColumns(file)) {
      if (!isBuiltin(tc.type, INT)) continue;
      const serial = SERIAL.has(tc.type.name);
      const bigint = builtinType('int8', 'bigint', tc.type.arrayDims);
      out.push({
        at: tc.at,
        message:
          `${showColumn(tc)} is ${tc.type.sql}, a 32-bit integer that overflows at 2,147,483,647; ` +
          'changing it to bigint later rewrites the whole table under an ACCESS EXCLUSIVE lock.',
        help: serial ? withType(tc, bigint, { identity: 'by default' }) : withType(tc, bigint),
      });
    }
    return out;
  },
});
