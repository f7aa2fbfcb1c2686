/** The shapes of a fix plan: ordered steps, each run inside or outside a transaction. */

/** How {@link planFix} plans. */
export interface PlanOptions {
  /** Major version of the target server (default 15). */
  readonly pgVersion?: number;
  /** lock_timeout every step sets first (default '20ms'). */
  readonly lockTimeout?: string;
  /** statement_timeout every step sets first; unset by default. */
  readonly statementTimeout?: string;
  /** Rows per batch of a backfill (default 1000). */
  readonly batchSize?: number;
}

/** One unit the executor runs: inside BEGIN/COMMIT when transactional, statement by statement otherwise. */
export interface Step {
  readonly transactional: boolean;
  /** The statements, without trailing semicolons; the timeouts come first. */
  readonly statements: string[];
  /** SQL that undoes the step, or null when it cannot be undone */
  readonly reverse: string[] | null;
  /** why this step exists */
  readonly comment: string;
  /** 1-based source lines of the statements it came from */
  readonly lines: number[];
}

/** Something the planner could not make safe by itself, with the plan to follow by hand. */
export interface PlanNote {
  readonly line: number;
  /** `error` when the statement is a hazard nobody acknowledged, `warning` otherwise. */
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** the expand/contract steps to follow by hand */
  readonly plan: string[];
}

/** A migration rewritten into safe steps. */
export interface Plan {
  readonly steps: Step[];
  readonly notes: PlanNote[];
  /** statements kept verbatim because the model does not describe them */
  readonly unmodelled: { line: number; statement: string }[];
  /** what the fixer changed, for the user */
  readonly changes: { line: number; what: string }[];
}
