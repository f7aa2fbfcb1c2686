import { isBuiltin, showColumn, textWithLimit, typedColumns } from '../column-types.js';
import { defineRule, type Finding } from '../rule.js';

const BPCHAR = new Set(['bpchar']);

/**
 * char(n) / character(n) pads every value with spaces to n characters (plain char is char(1)): the
 * padding is stored, trailing spaces are ignored in some comparisons and kept in others, and it is
 * never faster than text in PostgreSQL. text (with a CHECK on length if a limit matters) says what is
 * meant. The single-byte internal type "char" (quoted) is a different type and is not reported.
 */
export const banCharField = defineRule({
  id: 'ban-char-field',
  code: 'DBM406',
  severity: 'warning',
  summary: 'Use text (with a CHECK on length if needed) rather than char(n).',
  aliases: { squawk: ['ban-char-field'] },
  check(file) {
    const out: Finding[] = [];
    for (const tc of typedColumns(file)) {
      if (!isBuiltin(tc.type, BPCHAR)) continue;
      out.push({
        at: tc.at,
        message:
          `${showColumn(tc)} is ${tc.type.sql}: values are padded with spaces to the full length, and trailing spaces count in ` +
          'some comparisons but not in others; it is never faster than text.',
        help: textWithLimit(file, tc, tc.type.modifiers[0]),
      });
    }
    return out;
  },
});
