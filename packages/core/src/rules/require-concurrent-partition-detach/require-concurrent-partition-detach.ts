import { as, list, rangeVar } from '../../dialects/postgres/ast.js';
import { qname } from '../../dialects/postgres/quote.js';
import type { QualifiedName } from '../../operations/common.js';
import type { Operation } from '../../operations/operation.js';
import { onExistingTable, show } from '../helpers.js';
import { defineRule, type Finding } from '../rule.js';

/** Parent and partition of a plain (not CONCURRENTLY, not FINALIZE) DETACH PARTITION. */
function plainDetach(op: Operation): { parent: QualifiedName; partition: QualifiedName } | undefined {
  if (op.kind !== 'raw' || op.statement !== 'AlterTableCmd:AT_DetachPartition') return undefined;
  const stmt = as(op.ast, 'AlterTableStmt');
  const cmd = as(list(stmt ?? {}, 'cmds')[0], 'AlterTableCmd');
  const part = as(cmd?.def, 'PartitionCmd');
  if (!stmt || !part || part.concurrent === true) return undefined;
  try {
    return { parent: rangeVar(stmt.relation), partition: rangeVar(part.name) };
  } catch {
    return undefined;
  }
}

/**
 * ALTER TABLE ... DETACH PARTITION takes an ACCESS EXCLUSIVE lock on the partitioned table: every
 * query on any partition waits, and the detach waits behind every running one. From PostgreSQL 14,
 * DETACH PARTITION ... CONCURRENTLY takes only SHARE UPDATE EXCLUSIVE on the parent (reads and writes
 * go on). Older servers have no alternative, so the rule applies from 14. A parent created in the
 * same file is exempt.
 */
export const requireConcurrentPartitionDetach = defineRule({
  id: 'require-concurrent-partition-detach',
  code: 'DBM112',
  severity: 'error',
  summary: 'Detach partitions with DETACH PARTITION ... CONCURRENTLY (PostgreSQL 14+), outside a transaction.',
  aliases: { squawk: ['require-concurrent-partition-detach'] },
  check(file) {
    if (file.settings.pgVersion < 14) return [];
    const out: Finding[] = [];
    for (const ctx of file.ops) {
      const detach = plainDetach(ctx.op);
      if (!detach || !onExistingTable(file, ctx, detach.parent)) continue;
      const safe = `ALTER TABLE ${qname(detach.parent)} DETACH PARTITION ${qname(detach.partition)}`;
      out.push({
        at: ctx,
        message:
          `Detaching ${show(detach.partition)} from ${show(detach.parent)} takes an ACCESS EXCLUSIVE lock on ${show(detach.parent)}: ` +
          'every query on the partitioned table waits until the detach is done, and the detach waits behind running ones.',
        help:
          `${safe} CONCURRENTLY; -- outside a transaction; not allowed while the table has a DEFAULT partition\n` +
          `if it is interrupted, complete it with: ${safe} FINALIZE;`,
      });
    }
    return out;
  },
});
