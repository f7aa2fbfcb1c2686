/** Shared by the planner's unit tests: parse and plan in one call. */
import { parsePostgres } from '../dialects/postgres/parse.js';
import { planFix } from './plan-fix.js';
import type { Plan, PlanOptions } from './types.js';

/** Parses `sql` and plans it (the parser must be loaded). */
export function plan(sql: string, options?: PlanOptions): Plan {
  return planFix(parsePostgres(sql), options);
}

/** The steps as `tx:` / `no-tx:` followed by their statements, without the timeout settings. */
export function shape(p: Plan): string[][] {
  return p.steps.map((s) => [s.transactional ? 'tx' : 'no-tx', ...s.statements.filter((t) => !/^SET (LOCAL )?(lock|statement)_timeout/.test(t))]);
}
