import { addColumn, type AddColumn } from '../../operations/add-column.js';
import { addPrimaryKey, type AddPrimaryKey } from '../../operations/add-primary-key.js';
import { createIndex } from '../../operations/create-index.js';
import { plainType } from '../adding-field-with-default/adding-field-with-default.js';
import { constraintName } from '../adding-not-nullable-field/not-null-pattern.js';
import { onExistingTable, show, sqlOf } from '../helpers.js';
import { defineRule, type Finding } from '../rule.js';

const NOT_NULL_FIRST =
  'first, every key column must already be NOT NULL (else ADD PRIMARY KEY sets it, scanning the table under the lock): ' +
  'use CHECK (col IS NOT NULL) NOT VALID → VALIDATE → SET NOT NULL first';

/** CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... PRIMARY KEY USING INDEX. */
function keySteps(op: AddPrimaryKey, first: number): string[] {
  const name = op.name ?? constraintName(op.table.name, 'pkey');
  const index = createIndex({
    name,
    table: op.table,
    unique: true,
    concurrently: true,
    ifNotExists: false,
    elements: op.columns.map((value) => ({ value, expression: false })),
  });
  return [
    `${first}. ${sqlOf(index)}; -- outside a transaction; reads and writes go on (drop an INVALID leftover before retrying)`,
    `${first + 1}. ${sqlOf(addPrimaryKey({ table: op.table, name, columns: [], usingIndex: name }))}; -- instant: takes over the built index`,
  ];
}

function inlineKeyHelp(op: AddColumn): string {
  const key = op.column.constraints.find((k) => k.type === 'primaryKey');
  const c = op.column;
  const plain = addColumn({
    ...op,
    column: { name: c.name, type: plainType(c.type), notNull: false, ...(c.collation ? { collation: c.collation } : {}), constraints: [] },
  });
  return [
    `1. ${sqlOf(plain)}; -- nullable, no default: instant`,
    '2. give new rows their value (SET DEFAULT, e.g. nextval of a sequence), backfill existing rows in batches, ' +
      'then make it NOT NULL: CHECK (col IS NOT NULL) NOT VALID → VALIDATE → SET NOT NULL',
    ...keySteps(addPrimaryKey({ table: op.table, ...(key?.name ? { name: key.name } : {}), columns: [op.column.name] }), 3),
  ].join('\n');
}

/**
 * ADD PRIMARY KEY (cols), or a column added with PRIMARY KEY (typically `serial PRIMARY KEY`), builds
 * the unique index while holding an ACCESS EXCLUSIVE lock: no reads or writes for the whole build (and
 * a scan first when a key column is not yet NOT NULL). CREATE UNIQUE INDEX CONCURRENTLY followed by
 * ADD CONSTRAINT ... PRIMARY KEY USING INDEX gives the same key without the long lock. Tables created
 * in the same file are exempt.
 */
export const addingPrimaryKeyConstraint = defineRule({
  id: 'adding-primary-key-constraint',
  code: 'DBM110',
  severity: 'error',
  summary: 'Add primary keys with CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... PRIMARY KEY USING INDEX.',
  aliases: { squawk: ['adding-serial-primary-key-field'] },
  check(file) {
    const out: Finding[] = [];
    for (const ctx of file.ops) {
      const { op } = ctx;
      if (op.kind === 'addPrimaryKey' && op.usingIndex === undefined && onExistingTable(file, ctx, op.table)) {
        out.push({
          at: ctx,
          message:
            `Adding a primary key on ${show(op.table)} (${op.columns.join(', ')}) builds its index under an ACCESS EXCLUSIVE lock: ` +
            'no reads or writes of the table until the build ends.',
          help: [NOT_NULL_FIRST, ...keySteps(op, 1)].join('\n'),
        });
      }
      if (op.kind === 'addColumn' && op.column.constraints.some((k) => k.type === 'primaryKey') && onExistingTable(file, ctx, op.table)) {
        out.push({
          at: ctx,
          message:
            `Adding column ${op.column.name} as PRIMARY KEY to ${show(op.table)} fills it and builds the key's index under an ` +
            'ACCESS EXCLUSIVE lock: no reads or writes of the table until both end.',
          help: inlineKeyHelp(op),
        });
      }
    }
    return out;
  },
});
