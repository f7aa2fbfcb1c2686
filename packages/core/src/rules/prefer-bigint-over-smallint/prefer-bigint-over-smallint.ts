import { builtinType, isBuiltin, showColumn, typedColumns, withType } from '../column-types.js';
import { defineRule, type Finding } from '../rule.js';

const SMALLINT = new Set(['int2', 'smallserial', 'serial2']);
const SERIAL = new Set(['smallserial', 'serial2']);

/**
 * A 16-bit integer column runs out at 32,767, a limit ordinary data reaches (ids, counts, amounts in
 * cents), and inserts then fail. Widening it later rewrites the whole table under an ACCESS EXCLUSIVE
 * lock; with alignment padding smallint rarely even saves space. Applies to new tables as well.
 */
export const preferBigintOverSmallint = defineRule({
  id: 'prefer-bigint-over-smallint',
  code: 'DBM402',
  severity: 'warning',
  summary: 'Use bigint rather than smallint / smallserial: 16-bit columns overflow, and widening them rewrites the table.',
  aliases: { squawk: ['prefer-bigint-over-smallint'] },
  check(file) {
    const out: Finding[] = [];
    for (const tc of typedColumns(file)) {
      if (!isBuiltin(tc.type, SMALLINT)) continue;
      const bigint = builtinType('int8', 'bigint', tc.type.arrayDims);
      out.push({
        at: tc.at,
        message:
          `${showColumn(tc)} is ${tc.type.sql}, a 16-bit integer that overflows at 32,767; ` +
          'widening it later rewrites the whole table under an ACCESS EXCLUSIVE lock.',
        help: SERIAL.has(tc.type.name) ? withType(tc, bigint, { identity: 'by default' }) : withType(tc, bigint),
      });
    }
    return out;
  },
});
