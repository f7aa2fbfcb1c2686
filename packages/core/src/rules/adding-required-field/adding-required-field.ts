import { addColumn, type AddColumn } from '../../operations/add-column.js';
import { ident, qname } from '../../dialects/postgres/quote.js';
import { notNullSteps } from '../adding-not-nullable-field/not-null-pattern.js';
import { onExistingTable, opsOf, show, sqlOf } from '../helpers.js';
import { defineRule, type Finding } from '../rule.js';

/** Serial types carry their own default (nextval). */
const SERIAL = new Set(['smallserial', 'serial', 'bigserial', 'serial2', 'serial4', 'serial8']);

/** Whether an added column demands a value no existing row has. */
function requiresValue(op: AddColumn): boolean {
  const c = op.column;
  const notNull = c.notNull || c.constraints.some((k) => k.type === 'primaryKey');
  const filled = c.default !== undefined || c.generated !== undefined || c.identity !== undefined || SERIAL.has(c.type.name);
  return notNull && !filled;
}

/**
 * ADD COLUMN ... NOT NULL (or PRIMARY KEY) with no default gives every existing row a NULL that the
 * constraint forbids: the statement fails on any table that has a row, after queueing for its ACCESS
 * EXCLUSIVE lock. Add the column nullable (or with a constant default, instant from PostgreSQL 11),
 * backfill it in batches, then make it NOT NULL the non-blocking way.
 */
export const addingRequiredField = defineRule({
  id: 'adding-required-field',
  code: 'DBM106',
  severity: 'error',
  summary: 'Do not add NOT NULL columns without a default to existing tables: add nullable, backfill, then set NOT NULL.',
  aliases: { squawk: ['adding-required-field'], atlas: 'MF103' },
  check(file) {
    const out: Finding[] = [];
    for (const ctx of opsOf(file, 'addColumn')) {
      const { op } = ctx;
      if (!requiresValue(op) || !onExistingTable(file, ctx, op.table)) continue;
      const nullable = addColumn({
        ...op,
        column: { ...op.column, notNull: false, constraints: op.column.constraints.filter((k) => k.type !== 'primaryKey') },
      });
      const col = ident(op.column.name);
      const steps = [
        `1. ${sqlOf(nullable)}; -- nullable: instant`,
        `2. backfill in batches, one transaction each: UPDATE ${qname(op.table)} SET ${col} = <value> WHERE ${col} IS NULL AND <key range>;`,
        ...notNullSteps(op.table, op.column.name, file.settings.pgVersion, 3),
      ];
      if (op.column.constraints.some((k) => k.type === 'primaryKey')) {
        steps.push(`${steps.length + 1}. then the primary key: CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... PRIMARY KEY USING INDEX`);
      }
      out.push({
        at: ctx,
        message:
          `Adding ${op.column.notNull ? 'NOT NULL' : 'PRIMARY KEY'} column ${op.column.name} to ${show(op.table)} without a default fails as soon as the table has a row: ` +
          'existing rows would hold NULL.',
        help: `${steps.join('\n')}\n(or, when one value suits every existing row, add it with a constant DEFAULT: instant from PostgreSQL 11)`,
      });
    }
    return out;
  },
});
