/**
 * dbm's safety pass over the SQL of a TypeORM-generated migration: its `up` statements are planned
 * (`planFix`) into safe steps, and each step becomes one TypeORM migration class, because a class is
 * TypeORM's unit of transaction (`--transaction each`): a step that must run outside a transaction gets
 * `transaction = false`, a step the planner gave its own short transaction keeps it. The `down` of each
 * class comes from the plan's reverses, or from TypeORM's own `down` where the plan cannot undo a step.
 */
import { loadPostgresParser, parsePostgres, planFix, type PlanNote, type Step } from '@dbm/core';
import { assignDowns } from './downs.js';
import { guardConcurrentIndexes } from './concurrent-guard.js';
import { typeChangeNotes } from './type-change.js';

/** One migration class to write: a step of the plan. */
export interface PlannedClass {
  /** Index of the step in the plan (0-based). */
  readonly step: number;
  readonly transactional: boolean;
  /** Why the step exists (the planner's comment). */
  readonly comment: string;
  readonly up: readonly string[];
  /** The statements of `down`, in order; empty when the step needs no undoing (or an earlier class undoes it). */
  readonly down: readonly string[];
  /** Where `down` comes from, for the class's comment. */
  readonly downFrom: 'plan' | 'typeorm' | 'earlier-class' | 'nothing';
  /** For 'earlier-class': the step whose class undoes this one. */
  readonly downBy?: number;
  /** 1-based lines of the planned SQL the step came from. */
  readonly lines: readonly number[];
}

/** The safety pass's outcome. */
export interface SafetyPass {
  readonly classes: readonly PlannedClass[];
  /** What changed; `step` when the change belongs to one class rather than to a line of TypeORM's SQL. */
  readonly changes: readonly { readonly line: number; readonly what: string; readonly step?: number }[];
  readonly notes: readonly PlanNote[];
  /** The SQL that was planned (TypeORM's `up`, one statement per line group), for line references. */
  readonly sql: string;
}

/** TypeORM's statements as one SQL text, each ending with a semicolon; with the first line of each. */
export function joinStatements(statements: readonly string[]): { sql: string; startLines: number[] } {
  const startLines: number[] = [];
  let line = 1;
  let sql = '';
  for (const s of statements) {
    const text = s.trim().replace(/;\s*$/, '');
    startLines.push(line);
    sql += `${text};\n`;
    line += text.split('\n').length;
  }
  return { sql, startLines };
}

/** Plans TypeORM's `up` (and pairs TypeORM's `down` with it) into the classes to write. */
export async function safetyPass(up: readonly string[], down: readonly string[], options: { pgVersion?: number } = {}): Promise<SafetyPass> {
  await loadPostgresParser();
  const { sql, startLines } = joinStatements(up);
  const file = parsePostgres(sql, 'typeorm-generated.sql');
  const plan = planFix(file, { ...(options.pgVersion ? { pgVersion: options.pgVersion } : {}) });
  const steps: Step[] = plan.steps;
  const downs = assignDowns(steps, startLines, down);
  const changes: { line: number; what: string; step?: number }[] = [...plan.changes];
  const classes = steps.map((s, i): PlannedClass => {
    const up = s.transactional ? s.statements : guardConcurrentIndexes(s.statements);
    if (up.join('\n') !== s.statements.join('\n')) {
      changes.push({
        line: s.lines[0] ?? 1,
        step: i,
        what:
          'the transaction = false class runs its CONCURRENTLY statement without lock_timeout (it never blocks writes; a timeout would only leave an INVALID index) ' +
          'and drops an INVALID index left by a failed earlier run first, as dbm apply does for SQL migrations, so it can simply be run again',
      });
    }
    const down = s.transactional ? downs[i]!.statements : guardConcurrentIndexes(downs[i]!.statements);
    return { step: i, transactional: s.transactional, comment: s.comment, up, down, downFrom: downs[i]!.from, ...(downs[i]!.by !== undefined ? { downBy: downs[i]!.by } : {}), lines: s.lines };
  });
  changes.sort((a, b) => a.line - b.line);
  const notes = [...plan.notes, ...typeChangeNotes(file)].sort((a, b) => a.line - b.line);
  return { classes, changes, notes, sql };
}
