/**
 * The down migration of a translation: the source's own when it has one, else the up statements' inverses,
 * last first. A statement with no inverse ends the derived down with a failure at that point (and a warning
 * naming it): a down that silently left part of the migration in place would be worse than one that stops.
 */
import { compilePostgres, invertAll, type Operation } from '@dbm/core';
import { cannotUndoMessage } from './failure.js';
import type { TranslateMigrationWarning } from './types.js';

/** A statement to write: its SQL, its operations, and the rules `-- dbm-ignore` acknowledged above it. */
export interface Statement {
  readonly sql: string;
  readonly ops: readonly Operation[];
  readonly ignores: readonly string[];
}

/** One entry of a down migration: a statement, or the point where it must fail. */
export type DownEntry = { readonly kind: 'statement'; readonly statement: Statement } | { readonly kind: 'fail'; readonly message: string };

/** The down derived from the inverses of `up`, and the warning when a statement has none. */
export function deriveDown(up: readonly Statement[], label: string): { entries: DownEntry[]; warnings: TranslateMigrationWarning[] } {
  const entries: DownEntry[] = [];
  for (let i = up.length - 1; i >= 0; i--) {
    const st = up[i]!;
    const inv = invertAll(st.ops.filter((op) => op.kind !== 'transaction'));
    if (!inv.reversible) {
      const message = cannotUndoMessage(label, st.sql, inv.reason);
      const warning: TranslateMigrationWarning = {
        code: 'no-inverse',
        direction: 'down',
        sql: st.sql,
        message: `no reverse for "${st.sql.replace(/\s+/g, ' ').slice(0, 120)}" (${inv.reason}): the down migration fails there with that message; write the reverse by hand`,
      };
      return { entries: [...entries, { kind: 'fail', message }], warnings: [warning] };
    }
    for (const op of inv.ops) entries.push({ kind: 'statement', statement: { sql: compilePostgres(op), ops: [op], ignores: [] } });
  }
  return { entries, warnings: [] };
}
