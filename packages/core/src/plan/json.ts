/** A plan as JSON for `dbm fix --json`. */
import type { Plan, PlanNote } from './types.js';

/** The JSON shape of a plan. */
export interface PlanJson {
  readonly steps: { transaction: boolean; statements: string[] }[];
  readonly notes: PlanNote[];
  readonly changes: { line: number; what: string }[];
}

/** `{"steps":[{"transaction":true,"statements":[...]}], "notes":[...], "changes":[...]}`, statements without trailing semicolons. */
export function planToJson(plan: Plan): PlanJson {
  return {
    steps: plan.steps.map((s) => ({ transaction: s.transactional, statements: s.statements.map((t) => t.replace(/[\s;]+$/, '')) })),
    notes: plan.notes.map((n) => ({ ...n, plan: [...n.plan] })),
    changes: plan.changes.map((c) => ({ ...c })),
  };
}
