/** What a safety rule is, and what it reports. */
import type { LockLevel } from '../dialects/postgres/locks.js';
import type { FileContext, OpContext } from './context.js';

/** How bad a finding is: errors fail `dbm lint` (exit 1), warnings do not. */
export type Severity = 'error' | 'warning';

/** The same check's name in other tools, so their ignore comments and docs carry over. */
export interface RuleAliases {
  /** squawk rule ids; the first is the closest equivalent. */
  readonly squawk?: readonly string[];
  /** strong_migrations check name. */
  readonly strongMigrations?: string;
  /** Atlas analyzer code. */
  readonly atlas?: string;
}

/** One problem a rule found at one operation. */
export interface Finding {
  readonly at: OpContext;
  /** Why it is a problem, in one or two sentences. */
  readonly message: string;
  /** The safe form to use instead: SQL, or the expand/contract plan to follow. */
  readonly help?: string;
  /** The lock involved, when it is not the operation's own. */
  readonly lock?: LockLevel;
}

/** A safety rule: one hazard, one stable id and code. */
export interface Rule {
  /** kebab-case id, usable in `-- dbm-ignore <id>`. */
  readonly id: string;
  /** Stable code, `DBM` + three digits. */
  readonly code: string;
  readonly severity: Severity;
  /** One line saying what the rule checks. */
  readonly summary: string;
  readonly aliases: RuleAliases;
  /** Finds the hazard in a file; must be linear in the number of operations. */
  check(file: FileContext): Finding[];
}

/** Declares a rule (identity function that keeps the literal types checked). */
export function defineRule(rule: Rule): Rule {
  return Object.freeze(rule);
}
