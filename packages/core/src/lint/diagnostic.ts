import type { LockLevel } from '../dialects/postgres/locks.js';
import type { Severity } from '../rules/rule.js';

/** One reported hazard, in the shape `dbm lint --format json` prints. */
export interface Diagnostic {
  readonly rule: string;
  readonly code: string;
  readonly severity: Severity;
  readonly line: number;
  readonly column: number;
  /** The lock the statement takes (`none` when it takes none on an existing table). */
  readonly lock: LockLevel;
  readonly message: string;
  /** The safe form to use instead. */
  readonly help?: string;
  /** Equivalent ids in other tools: squawk, strong_migrations, Atlas. */
  readonly aliases: { readonly squawk?: string; readonly strongMigrations?: string; readonly atlas?: string };
}
