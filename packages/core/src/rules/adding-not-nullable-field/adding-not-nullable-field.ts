import { tableKey } from '../context.js';
import { onExistingTable, show } from '../helpers.js';
import { defineRule, type Finding } from '../rule.js';
import { notNullSteps, provesNotNull } from './not-null-pattern.js';

/** What validating a constraint proves about a table's columns: some columns, or possibly any. */
type Proof = ReadonlySet<string> | 'any';

/**
 * SET NOT NULL on an existing table reads every row to check for NULLs while holding an ACCESS
 * EXCLUSIVE lock: no reads or writes for the whole scan. From PostgreSQL 12 the scan is skipped when a
 * validated CHECK (col IS NOT NULL) already proves it, so the safe form adds that check NOT VALID,
 * validates it without blocking, then sets NOT NULL. A VALIDATE CONSTRAINT earlier in the file counts
 * when the check is `col IS NOT NULL`, or when the constraint was added by an earlier migration (its
 * definition is unknown here, and that is how the pattern is split across migrations).
 */
export const addingNotNullableField = defineRule({
  id: 'adding-not-nullable-field',
  code: 'DBM105',
  severity: 'error',
  summary: 'Set NOT NULL on existing columns through a validated CHECK (col IS NOT NULL) constraint.',
  aliases: { squawk: ['adding-not-nullable-field'], strongMigrations: 'change_column_null', atlas: 'MF104' },
  check(file) {
    const out: Finding[] = [];
    const pg12 = file.settings.pgVersion >= 12;
    // constraints added in this file: table.constraint → the check expression (undefined for other kinds)
    const added = new Map<string, string | undefined>();
    // validated constraints per table: constraint name → what it proves
    const proofs = new Map<string, Map<string, Proof>>();
    const prove = (table: string, name: string, proof: Proof) => {
      const byName = proofs.get(table) ?? new Map<string, Proof>();
      byName.set(name, proof);
      proofs.set(table, byName);
    };
    let unnamed = 0;
    for (const ctx of file.ops) {
      const { op } = ctx;
      switch (op.kind) {
        case 'addCheck': {
          const t = tableKey(op.table);
          if (op.name !== undefined) added.set(`${t}.${op.name}`, op.expr);
          if (!op.notValid) prove(t, op.name ?? `#${unnamed++}`, new Set(notNullColumns(op.expr)));
          break;
        }
        case 'addForeignKey':
        case 'addUnique':
        case 'addPrimaryKey':
          if (op.name !== undefined) added.set(`${tableKey(op.table)}.${op.name}`, undefined);
          break;
        case 'validateConstraint': {
          const t = tableKey(op.table);
          const key = `${t}.${op.name}`;
          if (!added.has(key)) prove(t, op.name, 'any');
          else {
            const expr = added.get(key);
            if (expr !== undefined) prove(t, op.name, new Set(notNullColumns(expr)));
          }
          break;
        }
        case 'dropConstraint':
          proofs.get(tableKey(op.table))?.delete(op.name);
          break;
        case 'setNotNull': {
          if (!onExistingTable(file, ctx, op.table)) break;
          const byName = proofs.get(tableKey(op.table));
          const proven = pg12 && byName && [...byName.values()].some((p) => p === 'any' || p.has(op.column));
          if (proven) break;
          out.push({
            at: ctx,
            message:
              `SET NOT NULL on ${show(op.table)}.${op.column} reads every row to look for NULLs while holding an ACCESS EXCLUSIVE lock: ` +
              'no reads or writes of the table until the scan ends.',
            help: notNullSteps(op.table, op.column, file.settings.pgVersion).join('\n'),
          });
          break;
        }
        default:
          break;
      }
    }
    return out;
  },
});

/** The simple column names a check expression proves NOT NULL (`a IS NOT NULL [AND b IS NOT NULL ...]`). */
function notNullColumns(expr: string): string[] {
  const out: string[] = [];
  for (const m of expr.matchAll(/("(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)\s+IS\s+NOT\s+NULL/gi)) {
    const raw = m[1]!;
    const column = raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw.toLowerCase();
    if (provesNotNull(expr, column)) out.push(column);
  }
  return out;
}
