/** The executor: runs plans safely against a database and keeps the ORMs' ledgers. */
export * from './ledger.js';
export * from './events.js';
export * from './errors.js';
export * from './retry.js';
export * from './redact.js';
export * from './postgres/connect.js';
export * from './postgres/advisory-lock.js';
export * from './postgres/bookkeeping.js';
export * from './postgres/execute-plan.js';
export { runStep, type StepRun } from './postgres/run-step.js';
