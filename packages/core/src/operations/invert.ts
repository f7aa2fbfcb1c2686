import { dropColumn } from './drop-column.js';
import { dropConstraint } from './drop-constraint.js';
import { dropIndex } from './drop-index.js';
import { dropNotNull } from './drop-not-null.js';
import { dropTable } from './drop-table.js';
import type { Operation } from './operation.js';
import { raw } from './raw.js';
import { renameColumn } from './rename-column.js';
import { renameTable } from './rename-table.js';
import { setNotNull } from './set-not-null.js';
import { visit, type Visitor } from './visit.js';

/** The reverse of an operation: the operations that undo it, or why none can be derived from it alone. */
export type Inversion =
  | { readonly reversible: true; readonly ops: readonly Operation[] }
  | { readonly reversible: false; readonly reason: string };

const undo = (...ops: Operation[]): Inversion => ({ reversible: true, ops });
const cannot = (reason: string): Inversion => ({ reversible: false, reason });
const needsName = (what: string): Inversion =>
  cannot(`the ${what} has no name in the statement; name it (the planner does) so the reverse can drop it`);

/** Quotes an identifier for the raw reverse statements this file builds. */
const q = (id: string): string => `"${id.replace(/"/g, '""')}"`;

const inverter: Visitor<Inversion> = {
  createTable: (op) => undo(dropTable({ table: op.table, ifExists: false, cascade: false })),
  dropTable: () => cannot('dropping a table destroys its rows; only a backup taken before the drop can restore them'),
  renameTable: (op) =>
    undo(renameTable({ table: { ...op.table, name: op.to }, to: op.table.name, ifExists: false })),
  addColumn: (op) => undo(dropColumn({ table: op.table, column: op.column.name, ifExists: false, cascade: false })),
  dropColumn: () => cannot('dropping a column destroys its values; only a backup taken before the drop can restore them'),
  renameColumn: (op) => undo(renameColumn({ table: op.table, column: op.to, to: op.column })),
  alterColumnType: () => cannot('the previous type is not part of the statement'),
  setNotNull: (op) => undo(dropNotNull({ table: op.table, column: op.column })),
  dropNotNull: (op) => undo(setNotNull({ table: op.table, column: op.column })),
  setDefault: () => cannot('the previous default is not part of the statement'),
  dropDefault: () => cannot('the dropped default is not part of the statement'),
  createIndex: (op) =>
    op.name === undefined
      ? needsName('index')
      : undo(
          dropIndex({
            index: { ...(op.table.schema ? { schema: op.table.schema } : {}), name: op.name },
            concurrently: op.concurrently,
            ifExists: false,
            cascade: false,
          }),
        ),
  dropIndex: () => cannot('the dropped index definition is not part of the statement'),
  addForeignKey: (op) => dropNamed(op.table, op.name, 'foreign key'),
  addCheck: (op) => dropNamed(op.table, op.name, 'check constraint'),
  addUnique: (op) => dropNamed(op.table, op.name, 'unique constraint'),
  addPrimaryKey: (op) => dropNamed(op.table, op.name, 'primary key'),
  dropConstraint: () => cannot('the dropped constraint definition is not part of the statement'),
  validateConstraint: () => undo(),
  createEnum: (op) =>
    undo(
      raw({
        sql: `DROP TYPE ${op.type.schema ? `${q(op.type.schema)}.` : ''}${q(op.type.name)}`,
        statement: 'DropStmt',
        ast: null,
      }),
    ),
  addEnumValue: () => cannot('PostgreSQL cannot remove a value from an enum type'),
  setting: () => undo(),
  transaction: () => undo(),
  raw: (op) => cannot(`the statement (${op.statement}) is not modelled, so dbm cannot derive its reverse`),
};

function dropNamed(table: Parameters<typeof dropConstraint>[0]['table'], name: string | undefined, what: string): Inversion {
  return name === undefined ? needsName(what) : undo(dropConstraint({ table, name, ifExists: false, cascade: false }));
}

/** The reverse of one operation. */
export function invert(op: Operation): Inversion {
  return visit(op, inverter, undefined);
}

/**
 * The reverse of a sequence: each operation's reverse, last first. Stops at the first operation that
 * cannot be reversed and reports it, so a caller never runs half a rollback by surprise.
 */
export function invertAll(
  ops: readonly Operation[],
): { reversible: true; ops: Operation[] } | { reversible: false; reason: string; op: Operation } {
  const out: Operation[] = [];
  for (let i = ops.length - 1; i >= 0; i--) {
    const op = ops[i]!;
    const inv = invert(op);
    if (!inv.reversible) return { reversible: false, reason: inv.reason, op };
    out.push(...inv.ops);
  }
  return { reversible: true, ops: out };
}
