import { addEnumValue } from '../../operations/add-enum-value.js';
import { tableKey } from '../context.js';
import { show, sqlOf } from '../helpers.js';
import { defineRule, type Finding } from '../rule.js';

/**
 * An enum sorts by the position of its values, not alphabetically: ORDER BY, <, > and min/max on
 * the column follow that order. ALTER TYPE ... ADD VALUE without BEFORE or AFTER silently puts the
 * new value last, which is often not where it belongs (a state between two others, a level between
 * two levels). Naming its neighbour makes the intended order explicit and reviewable. Enums created
 * earlier in the same file are exempt.
 */
export const requireEnumValueOrdering = defineRule({
  id: 'require-enum-value-ordering',
  code: 'DBM206',
  severity: 'warning',
  summary: 'Say where a new enum value sorts: ADD VALUE ... BEFORE / AFTER.',
  aliases: { squawk: ['require-enum-value-ordering'] },
  check(file) {
    const out: Finding[] = [];
    const created = new Set<string>();
    for (const at of file.ops) {
      const { op } = at;
      if (op.kind === 'createEnum') created.add(tableKey(op.type));
      if (op.kind !== 'addEnumValue' || op.before !== undefined || op.after !== undefined || created.has(tableKey(op.type))) continue;
      out.push({
        at,
        message:
          `ADD VALUE '${op.value}' to ${show(op.type)} without BEFORE or AFTER puts it last in the enum's sort order, ` +
          'which ORDER BY, comparisons and min/max on the column follow.',
        help: `${sqlOf(addEnumValue({ ...op, after: '<existing value>' }))}; -- or BEFORE: name the value it sorts next to`,
      });
    }
    return out;
  },
});
