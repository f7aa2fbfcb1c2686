/** Whether a statement dbm does not model can run inside a transaction. */
import type { Raw } from '../operations/raw.js';
import type { PieceMode } from './piece.js';

/** Statement types PostgreSQL refuses to run inside a transaction block. */
const NEVER_IN_TRANSACTION = new Set([
  'CreatedbStmt',
  'DropdbStmt',
  'CreateTableSpaceStmt',
  'DropTableSpaceStmt',
  'AlterSystemStmt',
  'CreateSubscriptionStmt',
  'DropSubscriptionStmt',
]);

const hasConcurrently = (body: Record<string, unknown>): boolean =>
  body.concurrent === true ||
  (Array.isArray(body.params) && body.params.some((p) => (p as { DefElem?: { defname?: string } }).DefElem?.defname === 'concurrently'));

/** `nontx` for statements that must run outside a transaction, `alone` for the rest. */
export function rawMode(op: Raw): PieceMode {
  const [type, body] = op.ast && typeof op.ast === 'object' ? (Object.entries(op.ast)[0] ?? []) : [];
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof type === 'string' && NEVER_IN_TRANSACTION.has(type)) return 'nontx';
  switch (type) {
    case 'VacuumStmt':
      // ANALYZE alone may run in a transaction; VACUUM may not
      return b.is_vacuumcmd === true ? 'nontx' : 'alone';
    case 'ReindexStmt':
    case 'IndexStmt':
    case 'DropStmt':
      return hasConcurrently(b) ? 'nontx' : 'alone';
    case 'AlterTableStmt': {
      const cmd = (Array.isArray(b.cmds) ? b.cmds[0] : undefined) as { AlterTableCmd?: { def?: { PartitionCmd?: { concurrent?: boolean } } } } | undefined;
      return cmd?.AlterTableCmd?.def?.PartitionCmd?.concurrent === true ? 'nontx' : 'alone';
    }
    case 'DoStmt':
      // a DO block that commits (dbm's own batched backfill, for one) cannot run inside a transaction
      return /\b(COMMIT|ROLLBACK)\b/i.test(op.sql) ? 'nontx' : 'alone';
    default:
      return 'alone';
  }
}
