/** @dbm/core: the neutral operation model, dialects, safety rules and planner. */
export * from './operations/index.js';
export * from './dialects/postgres/index.js';
export * from './source/errors.js';
export * from './source/line-index.js';
export * from './source/trivia.js';
export * from './rules/rule.js';
export * from './rules/context.js';
export { ALL_RULES, findRule } from './rules/registry.js';
export * from './lint/diagnostic.js';
export * from './lint/lint.js';
export * from './plan/index.js';
export * from './execute/index.js';
export * from './schema/index.js';
