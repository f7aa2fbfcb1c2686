import { builtinType, isBuiltin, showColumn, typedColumns, withType } from '../column-types.js';
import { defineRule, type Finding } from '../rule.js';

const TIMESTAMP = new Set(['timestamp']);

/**
 * timestamp (without time zone) stores a wall-clock reading with no zone: the same instant written
 * by sessions or servers in different time zones gets different values, and readings around a DST
 * change are ambiguous. timestamptz stores the instant (as UTC) and converts on the way in and out.
 * Converting a populated column later generally rewrites the table.
 */
export const preferTimestamptz = defineRule({
  id: 'prefer-timestamptz',
  code: 'DBM405',
  severity: 'warning',
  summary: 'Use timestamptz rather than timestamp without time zone.',
  aliases: { squawk: ['prefer-timestamp-tz'] },
  check(file) {
    const out: Finding[] = [];
    for (const tc of typedColumns(file)) {
      if (!isBuiltin(tc.type, TIMESTAMP)) continue;
      out.push({
        at: tc.at,
        message:
          `${showColumn(tc)} is ${tc.type.sql} (without time zone): values carry no zone, so instants written from different ` +
          'time zones do not compare correctly and times around DST changes are ambiguous.',
        help: withType(tc, builtinType('timestamptz', 'timestamptz', tc.type.arrayDims, tc.type.modifiers)),
      });
    }
    return out;
  },
});
