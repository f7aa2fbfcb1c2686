/**
 * `@dbm/core/rules`: the rules' registry (ids, codes, aliases), without the parser, planner or executor,
 * for what only names rules: validating the `rules` of a dbm config, which every verb reads.
 */
export { ALL_RULES, findRule } from './rules/registry.js';
export type { Rule } from './rules/rule.js';
