import { addColumn, type AddColumn } from '../../operations/add-column.js';
import type { ColumnType } from '../../operations/common.js';
import { setDefault } from '../../operations/set-default.js';
import { ident, literal, qname } from '../../dialects/postgres/quote.js';
import { constraintName, notNullSteps } from '../adding-not-nullable-field/not-null-pattern.js';
import { onExistingTable, opsOf, show, sqlOf } from '../helpers.js';
import { defineRule, type Finding } from '../rule.js';
import { isNullDefault, volatileCall } from './volatility.js';

/** Serial types and the integer type under each. */
const SERIAL: Record<string, { name: string; sql: string }> = {
  smallserial: { name: 'int2', sql: 'smallint' },
  serial2: { name: 'int2', sql: 'smallint' },
  serial: { name: 'int4', sql: 'integer' },
  serial4: { name: 'int4', sql: 'integer' },
  bigserial: { name: 'int8', sql: 'bigint' },
  serial8: { name: 'int8', sql: 'bigint' },
};
const isSerial = (type: ColumnType) => Object.hasOwn(SERIAL, type.name) && !type.schema;

/** The column's type with serial types replaced by the integer type under them. */
export function plainType(type: ColumnType): ColumnType {
  const serial = isSerial(type) ? SERIAL[type.name] : undefined;
  return serial ? { ...type, ...serial, schema: 'pg_catalog' } : type;
}

/** Why adding this column rewrites the table, or undefined when it does not. */
function rewriteReason(op: AddColumn, pgVersion: number): { why: string; fill?: string } | undefined {
  const c = op.column;
  if (c.generated !== undefined) return { why: `it is a stored generated column, computed for every existing row` };
  if (c.identity !== undefined || isSerial(c.type)) return { why: 'it numbers every existing row from a sequence' };
  if (c.default === undefined || safeNull(c.default)) return undefined;
  const volatile = safeVolatile(c.default);
  if (volatile) return { why: `its default calls ${volatile}, which is volatile: a value is computed for every existing row`, fill: c.default };
  if (pgVersion < 11) return { why: 'before PostgreSQL 11 any default is written into every existing row', fill: c.default };
  return undefined;
}

function safeNull(expr: string): boolean {
  try {
    return isNullDefault(expr);
  } catch {
    return false;
  }
}

function safeVolatile(expr: string): string | undefined {
  try {
    return volatileCall(expr);
  } catch {
    return 'an expression dbm cannot read';
  }
}

/**
 * ADD COLUMN with a default that must be computed per row (a volatile function such as
 * gen_random_uuid() or clock_timestamp(), a sequence behind serial / identity, a stored generated
 * expression) rewrites the whole table and its indexes under an ACCESS EXCLUSIVE lock. Constant and
 * stable defaults (2 + 2, 'x'::text, now()) are stored once in the catalog from PostgreSQL 11; before 11
 * any default rewrites. The safe form adds the column without a default, sets the default for new rows,
 * and backfills existing rows in batches.
 */
export const addingFieldWithDefault = defineRule({
  id: 'adding-field-with-default',
  code: 'DBM107',
  severity: 'error',
  summary: 'Add columns without a volatile default (any default before PostgreSQL 11): set the default, then backfill in batches.',
  aliases: { squawk: ['adding-field-with-default'], strongMigrations: 'add_column_default' },
  check(file) {
    const out: Finding[] = [];
    for (const ctx of opsOf(file, 'addColumn')) {
      const { op } = ctx;
      const reason = rewriteReason(op, file.settings.pgVersion);
      if (!reason || !onExistingTable(file, ctx, op.table)) continue;
      out.push({
        at: ctx,
        message:
          `Adding column ${op.column.name} to ${show(op.table)} rewrites the table and its indexes under an ACCESS EXCLUSIVE lock ` +
          `(no reads or writes until it ends): ${reason.why}.`,
        help: help(op, reason.fill, file.settings.pgVersion),
        lock: 'ACCESS EXCLUSIVE',
      });
    }
    return out;
  },
});

function help(op: AddColumn, fill: string | undefined, pgVersion: number): string {
  const c = op.column;
  const col = ident(c.name);
  const serial = isSerial(c.type);
  const plain = addColumn({
    ...op,
    column: {
      name: c.name,
      type: plainType(c.type),
      notNull: false,
      ...(c.collation ? { collation: c.collation } : {}),
      constraints: c.constraints.filter((k) => k.type !== 'primaryKey'),
    },
  });
  const steps = [`${sqlOf(plain)}; -- no default: instant`];
  let value = fill;
  if (c.generated !== undefined) {
    value = c.generated;
    steps.push(`a BEFORE INSERT OR UPDATE trigger that sets NEW.${col} = ${c.generated} (a stored generated column cannot be added without a rewrite)`);
  } else {
    if (value === undefined) {
      const seq = constraintName(op.table.name, c.name, 'seq');
      const seqName = op.table.schema ? `${ident(op.table.schema)}.${ident(seq)}` : ident(seq);
      steps.push(`CREATE SEQUENCE ${seqName} OWNED BY ${qname(op.table)}.${col};`);
      value = `nextval(${literal(seqName)})`;
    }
    steps.push(`${sqlOf(setDefault({ table: op.table, column: c.name, expr: value }))}; -- new rows only: instant`);
  }
  steps.push(`backfill in batches, one transaction each: UPDATE ${qname(op.table)} SET ${col} = ${value} WHERE ${col} IS NULL AND <key range>;`);
  const numbered = steps.map((s, i) => `${i + 1}. ${s}`);
  const needsNotNull = c.notNull || c.identity !== undefined || serial || c.constraints.some((k) => k.type === 'primaryKey');
  if (needsNotNull) numbered.push(...notNullSteps(op.table, c.name, pgVersion, numbered.length + 1));
  return numbered.join('\n');
}
