/**
 * `@dbm/core/status`: the read-only corner of the executor (connect, read the ledger against the files,
 * and the errors the verbs map to messages). It imports neither the parser nor the planner nor the rules,
 * so `dbm status` loads a few kilobytes of core instead of all of it.
 */
export { connect, ConnectionError, endWithoutWaiting, explainConnectError } from './execute/postgres/connect.js';
export { computeStatus, readStatus } from './execute/status.js';
export type { StatusReport, MigrationStatus, MigrationState } from './execute/status.js';
export { redactText, redactUrl } from './execute/redact.js';
export { StepFailedError } from './execute/errors.js';
export { RefusedError } from './execute/refused.js';
export { LockHeldError } from './execute/postgres/advisory-lock.js';
export type { Ledger, LedgerRow, MigrationSource } from './execute/ledger.js';
