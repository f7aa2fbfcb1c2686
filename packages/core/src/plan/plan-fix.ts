/**
 * planFix: a parsed migration → ordered safe steps (the rewrite behind `dbm fix` and `dbm apply`).
 * Nothing is dropped: every statement ends up in a step, rewritten into its safe form, kept as
 * written with a note when it has none, or kept verbatim when the model does not describe it.
 */
import type { ParsedFile } from '../dialects/postgres/parse.js';
import { literal } from '../dialects/postgres/quote.js';
import { visit } from '../operations/visit.js';
import { analyse } from '../rules/context.js';
import { NameRegistry } from './name-registry.js';
import type { Piece, Timeouts } from './piece.js';
import type { RewriteContext } from './rewrite-context.js';
import { rewriter } from './rewrite.js';
import { buildSteps } from './steps.js';
import type { Plan, PlanNote, PlanOptions } from './types.js';

/** The defaults of {@link PlanOptions}. */
// 20ms: a statement queued for a lock makes every write queue behind it, so it must give up well inside
// the 100 ms a write may wait; the executor retries it with backoff
export const DEFAULT_PLAN_OPTIONS = Object.freeze({ pgVersion: 15, lockTimeout: '20ms', batchSize: 1000 });

/**
 * Rewrites a parsed PostgreSQL migration into safe steps. The PostgreSQL parser must be loaded
 * (`await loadPostgresParser()`), as it is for {@link parsePostgres}.
 */
export function planFix(file: ParsedFile, options: PlanOptions = {}): Plan {
  const pgVersion = options.pgVersion ?? DEFAULT_PLAN_OPTIONS.pgVersion;
  const batchSize = options.batchSize ?? DEFAULT_PLAN_OPTIONS.batchSize;
  const initial: Timeouts = {
    lock: literal(options.lockTimeout ?? DEFAULT_PLAN_OPTIONS.lockTimeout),
    ...(options.statementTimeout !== undefined ? { statement: literal(options.statementTimeout) } : {}),
  };
  const analysed = analyse(file, { pgVersion, assumeInTransaction: false });
  const names = new NameRegistry();
  const newIndexes = new Set<string>();
  const fileIgnores = new Set(file.fileIgnores);
  const pieces: Piece[] = [];
  const notes: PlanNote[] = [];
  const unmodelled: Plan['unmodelled'] = [];
  const changes: Plan['changes'] = [];
  let timeouts = initial;
  let userLockTimeout = false;

  for (const at of analysed.ops) {
    const line = at.statement.loc.line;
    const ignores = new Set([...at.statement.ignores, ...fileIgnores]);
    const acknowledged = (rules: readonly string[]) => ignores.has('*') || rules.some((r) => ignores.has(r));
    const ctx: RewriteContext = {
      file: analysed,
      at,
      pgVersion,
      batchSize,
      names,
      newIndexes,
      existing: (table) => !analysed.isNewTable(table, at.index),
      acknowledged,
      change: (what) => changes.push({ line, what }),
      note: (note) =>
        notes.push({ line, severity: acknowledged(note.rules) ? 'warning' : 'error', message: note.message, plan: [...note.plan] }),
      unmodelled: (statement) => unmodelled.push({ line, statement }),
      setTimeout: (name, value) => {
        if (name === 'lock_timeout') {
          userLockTimeout = true;
          timeouts = { ...timeouts, lock: value ?? initial.lock };
        } else {
          const { statement: _, ...rest } = timeouts;
          const statement = value ?? initial.statement;
          timeouts = statement === undefined ? rest : { ...rest, statement };
        }
      },
    };
    for (const draft of visit(at.op, rewriter, ctx)) {
      pieces.push({ ...draft, line, statement: at.statement.index, timeouts });
    }
  }
  const first = file.statements[0];
  if (first && !userLockTimeout && pieces.length > 0) {
    changes.unshift({
      line: first.loc.line,
      what: `every step sets lock_timeout = ${initial.lock} first, so a statement waiting for a lock fails fast instead of queueing all traffic behind it (retry on SQLSTATE 55P03)`,
    });
  }
  changes.sort((a, b) => a.line - b.line);
  return { steps: buildSteps(pieces), notes, unmodelled, changes };
}
