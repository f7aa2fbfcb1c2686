/**
 * TypeORM's generator turns any change of a column's type or length (varchar(50) → varchar(255) and
 * int → bigint included) into DROP COLUMN + ADD COLUMN of the same name: the column's values are gone,
 * and an ADD ... NOT NULL without a default fails on a table with rows. This finds those pairs so the
 * generate output can say so, with the data-preserving plan.
 */
import { qname, type ParsedFile, type PlanNote } from '@dbm/core';

interface ColumnRef {
  readonly table: { readonly schema?: string; readonly name: string };
  readonly column: string;
}

const key = (r: ColumnRef) => `${r.table.schema ?? ''}.${r.table.name}.${r.column}`;

/** One note per column that TypeORM drops and adds again in the same migration. */
export function typeChangeNotes(file: ParsedFile): PlanNote[] {
  const dropped = new Map<string, { line: number; ref: ColumnRef }>();
  const notes: PlanNote[] = [];
  for (const s of file.statements) {
    for (const op of s.ops) {
      if (op.kind === 'dropColumn') dropped.set(key(op), { line: s.loc.line, ref: op });
      if (op.kind !== 'addColumn') continue;
      const drop = dropped.get(key({ table: op.table, column: op.column.name }));
      if (!drop) continue;
      const target = `${op.table.schema ? `${op.table.schema}.` : ''}${op.table.name}.${op.column.name}`;
      const type = op.column.type.sql;
      notes.push({
        line: drop.line,
        severity: 'error',
        message:
          `TypeORM writes the change of ${target} to ${type} as DROP COLUMN + ADD COLUMN: every value in the column is lost` +
          (op.column.notNull && op.column.default === undefined ? ', and ADD ... NOT NULL without a default fails on a table with rows' : '') +
          '. Review this migration before it runs anywhere with data.',
        plan: [
          `replace the two statements with ALTER TABLE ${qname(op.table)} ALTER COLUMN "${op.column.name.replace(/"/g, '""')}" TYPE ${type} (add USING <expression> when the old values need converting): metadata only for a widening (varchar(n) → varchar(m > n) or text), a table rewrite under ACCESS EXCLUSIVE otherwise`,
          'for a rewrite of a large table, expand/contract instead: add a new column, keep it in sync with a trigger, backfill in batches, switch the code to it, drop the old column in a later migration',
          'only if the values may really go: keep the DROP + ADD and acknowledge it with -- dbm-ignore ban-drop-column',
        ],
      });
      dropped.delete(key({ table: op.table, column: op.column.name }));
    }
  }
  return notes;
}
