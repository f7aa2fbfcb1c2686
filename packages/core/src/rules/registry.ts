/** Every rule dbm runs, in code order. Add a rule by importing it here. */
import type { Rule } from './rule.js';
import { requireConcurrentIndexCreation } from './require-concurrent-index-creation/require-concurrent-index-creation.js';
import { constraintMissingNotValid } from './constraint-missing-not-valid/constraint-missing-not-valid.js';
import { requireLockTimeout } from './require-lock-timeout/require-lock-timeout.js';
// rules-batch-a (do not remove this marker)
// rules-batch-b (do not remove this marker)

/** All rules, sorted by code. */
export const ALL_RULES: readonly Rule[] = [
  requireConcurrentIndexCreation,
  constraintMissingNotValid,
  requireLockTimeout,
  // rules-batch-a-list (do not remove this marker)
  // rules-batch-b-list (do not remove this marker)
].sort((a, b) => a.code.localeCompare(b.code));

/** Finds a rule by its dbm id or any squawk alias. */
export function findRule(name: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === name || r.aliases.squawk?.includes(name));
}
