/** The safe-step planner behind `dbm fix`. */
export * from './types.js';
export { planFix, DEFAULT_PLAN_OPTIONS } from './plan-fix.js';
export { renderPlanSql } from './render.js';
export { planToJson, type PlanJson } from './json.js';
export { makeObjectName, truncateIdentifier, columnsAddition } from './names.js';
export { isVolatileDefault, referencedColumns } from './expressions.js';
