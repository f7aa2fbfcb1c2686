import { addColumn } from '../../operations/add-column.js';
import { ident, qname } from '../../dialects/postgres/quote.js';
import { renameColumn } from '../../operations/rename-column.js';
import { constraintName } from '../adding-not-nullable-field/not-null-pattern.js';
import { onExistingTable, opsOf, show, sqlOf } from '../helpers.js';
import { defineRule, type Finding } from '../rule.js';

/**
 * ALTER COLUMN ... TYPE rewrites the table and rebuilds every index on it while holding an ACCESS
 * EXCLUSIVE lock, unless the old and new types are binary-coercible: int → bigint rewrites, and so
 * does most else. The few metadata-only changes (varchar(n) → varchar(m > n) or text, removing a
 * length limit) cannot be told apart without the old type, so they are flagged too and can be
 * acknowledged with `-- dbm-ignore changing-column-type`. The safe form is expand/contract: a new
 * column kept in sync by a trigger, a batched backfill, then a swap. A table created in the same file
 * is exempt.
 */
export const changingColumnType = defineRule({
  id: 'changing-column-type',
  code: 'DBM108',
  severity: 'error',
  summary: 'Change column types through a new column, a sync trigger and a batched backfill (expand/contract).',
  aliases: { squawk: ['changing-column-type'], strongMigrations: 'change_column' },
  check(file) {
    const out: Finding[] = [];
    for (const ctx of opsOf(file, 'alterColumnType')) {
      const { op } = ctx;
      if (!onExistingTable(file, ctx, op.table)) continue;
      const table = qname(op.table);
      const col = ident(op.column);
      const fresh = constraintName(op.column, 'new');
      const old = constraintName(op.column, 'old');
      const convert = op.using ?? `${col}::${op.type.sql}`;
      const added = addColumn({
        table: op.table,
        column: { name: fresh, type: op.type, notNull: false, ...(op.collation ? { collation: op.collation } : {}), constraints: [] },
        ifNotExists: false,
      });
      out.push({
        at: ctx,
        message:
          `Changing the type of ${show(op.table)}.${op.column} to ${op.type.sql} rewrites the table and rebuilds its indexes under an ACCESS EXCLUSIVE lock ` +
          '(int → bigint included): no reads or writes until it ends. Only a few changes are metadata-only, such as ' +
          'varchar(n) → varchar(m > n) or text; if this is one, acknowledge it with -- dbm-ignore changing-column-type.',
        help: [
          `1. ${sqlOf(added)};`,
          `2. a BEFORE INSERT OR UPDATE trigger on ${table} that sets NEW.${ident(fresh)} from NEW.${col} (as ${convert})`,
          `3. backfill in batches, one transaction each: UPDATE ${table} SET ${ident(fresh)} = ${convert} WHERE ${ident(fresh)} IS NULL AND <key range>;`,
          `4. recreate on ${ident(fresh)} the indexes (CONCURRENTLY), constraints (NOT VALID, then VALIDATE) and NOT NULL of ${col}`,
          `5. in one short transaction: ${sqlOf(renameColumn({ table: op.table, column: op.column, to: old }))}; ` +
            `${sqlOf(renameColumn({ table: op.table, column: fresh, to: op.column }))}; and drop the trigger`,
          `6. once no code reads ${ident(old)}, drop it`,
        ].join('\n'),
      });
    }
    return out;
  },
});
