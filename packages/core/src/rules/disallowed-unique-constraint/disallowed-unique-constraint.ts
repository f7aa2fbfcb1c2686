import { addColumn, type AddColumn } from '../../operations/add-column.js';
import { addUnique, type AddUnique } from '../../operations/add-unique.js';
import { createIndex } from '../../operations/create-index.js';
import { constraintName } from '../adding-not-nullable-field/not-null-pattern.js';
import { onExistingTable, show, sqlOf } from '../helpers.js';
import { defineRule, type Finding } from '../rule.js';

/** CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... UNIQUE USING INDEX, for a unique key. */
function uniqueSteps(op: AddUnique, first: number): string[] {
  const name = op.name ?? constraintName(op.table.name, ...op.columns, 'key');
  const index = createIndex({
    name,
    table: op.table,
    unique: true,
    concurrently: true,
    ifNotExists: false,
    elements: op.columns.map((value) => ({ value, expression: false })),
    ...(op.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
  });
  const attach = addUnique({
    table: op.table,
    name,
    columns: [],
    usingIndex: name,
    ...(op.deferrable ? { deferrable: op.deferrable } : {}),
  });
  return [
    `${first}. ${sqlOf(index)}; -- outside a transaction; reads and writes go on (drop an INVALID leftover before retrying)`,
    `${first + 1}. ${sqlOf(attach)}; -- instant: takes over the built index`,
  ];
}

function inlineUniqueHelp(op: AddColumn): string {
  const unique = op.column.constraints.find((k) => k.type === 'unique');
  const plain = addColumn({ ...op, column: { ...op.column, constraints: op.column.constraints.filter((k) => k.type !== 'unique') } });
  const steps = uniqueSteps(
    addUnique({
      table: op.table,
      ...(unique?.name ? { name: unique.name } : {}),
      columns: [op.column.name],
      ...(unique?.type === 'unique' && unique.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
    }),
    2,
  );
  return [`1. ${sqlOf(plain)};`, ...steps].join('\n');
}

/**
 * ADD CONSTRAINT ... UNIQUE (cols), or a column added with UNIQUE, builds the unique index while
 * holding an ACCESS EXCLUSIVE lock on the table: no reads or writes for the whole build. Building the
 * index with CREATE UNIQUE INDEX CONCURRENTLY and attaching it with ADD CONSTRAINT ... UNIQUE USING
 * INDEX gives the same constraint without the long lock. Tables created in the same file are exempt.
 */
export const disallowedUniqueConstraint = defineRule({
  id: 'disallowed-unique-constraint',
  code: 'DBM109',
  severity: 'error',
  summary: 'Add unique constraints with CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... UNIQUE USING INDEX.',
  aliases: { squawk: ['disallowed-unique-constraint'], strongMigrations: 'add_unique_constraint' },
  check(file) {
    const out: Finding[] = [];
    for (const ctx of file.ops) {
      const { op } = ctx;
      if (op.kind === 'addUnique' && op.usingIndex === undefined && onExistingTable(file, ctx, op.table)) {
        out.push({
          at: ctx,
          message:
            `Adding a unique constraint on ${show(op.table)} (${op.columns.join(', ')}) builds its index under an ACCESS EXCLUSIVE lock: ` +
            'no reads or writes of the table until the build ends.',
          help: uniqueSteps(op, 1).join('\n'),
        });
      }
      if (op.kind === 'addColumn' && op.column.constraints.some((k) => k.type === 'unique') && onExistingTable(file, ctx, op.table)) {
        out.push({
          at: ctx,
          message:
            `Adding column ${op.column.name} with UNIQUE to ${show(op.table)} builds its index under an ACCESS EXCLUSIVE lock: ` +
            'no reads or writes of the table until the build ends.',
          help: inlineUniqueHelp(op),
        });
      }
    }
    return out;
  },
});
