import { as, list, rangeVar } from '../../dialects/postgres/ast.js';
import type { Operation } from '../../operations/operation.js';
import type { OpContext } from '../context.js';
import { show } from '../helpers.js';
import { reindexTarget } from '../require-concurrent-reindex/reindex.js';
import { defineRule, type Finding } from '../rule.js';

/** The statement and object of an operation that PostgreSQL refuses inside a transaction block. */
function concurrentStatement(op: Operation): { what: string; on: string } | undefined {
  switch (op.kind) {
    case 'createIndex':
      return op.concurrently ? { what: 'CREATE INDEX CONCURRENTLY', on: `on ${show(op.table)}` } : undefined;
    case 'dropIndex':
      return op.concurrently ? { what: 'DROP INDEX CONCURRENTLY', on: show(op.index) } : undefined;
    case 'raw': {
      const reindex = reindexTarget(op);
      if (reindex) {
        if (!reindex.concurrently) return undefined;
        const name = reindex.relation ? show(reindex.relation) : (reindex.name ?? '');
        return { what: `REINDEX ${reindex.kind.toUpperCase()} CONCURRENTLY`, on: name };
      }
      if (op.statement !== 'AlterTableCmd:AT_DetachPartition') return undefined;
      const stmt = as(op.ast, 'AlterTableStmt');
      const cmd = as(list(stmt ?? {}, 'cmds')[0], 'AlterTableCmd');
      if (as(cmd?.def, 'PartitionCmd')?.concurrent !== true) return undefined;
      try {
        return { what: 'DETACH PARTITION CONCURRENTLY', on: `on ${show(rangeVar(stmt?.relation))}` };
      } catch {
        return { what: 'DETACH PARTITION CONCURRENTLY', on: '' };
      }
    }
    default:
      return undefined;
  }
}

/**
 * The CONCURRENTLY forms (CREATE / DROP INDEX, REINDEX, DETACH PARTITION) wait for other transactions
 * between their phases, so PostgreSQL refuses them inside a transaction block: the migration fails.
 * Inside an explicit BEGIN ... COMMIT that is certain. When the file is assumed to run in a transaction
 * (most ORMs wrap each migration in one), a file holding only that one statement is fine: the ORMs that
 * run such a lone statement on its own (Prisma does) run it outside any transaction.
 */
export const banConcurrentIndexCreationInTransaction = defineRule({
  id: 'ban-concurrent-index-creation-in-transaction',
  code: 'DBM103',
  severity: 'error',
  summary: 'Run CONCURRENTLY index and partition statements outside any transaction, in a migration of their own.',
  aliases: { squawk: ['ban-concurrent-index-creation-in-transaction'], atlas: 'PG103' },
  check(file) {
    const out: Finding[] = [];
    const alone = file.file.statements.length === 1;
    for (const ctx of file.ops) {
      const found = concurrentStatement(ctx.op);
      if (!found || !ctx.inTransaction) continue;
      const explicit = ctx.transactionDepth > 0;
      if (!explicit && alone) continue;
      out.push(finding(ctx, found, explicit));
    }
    return out;
  },
});

function finding(ctx: OpContext, found: { what: string; on: string }, explicit: boolean): Finding {
  const where = explicit
    ? 'inside BEGIN ... COMMIT'
    : 'in a migration with other statements, which the migration tool runs in one transaction';
  return {
    at: ctx,
    message: `${found.what}${found.on ? ` ${found.on}` : ''} runs ${where}: PostgreSQL refuses it in a transaction block, so the migration fails.`,
    help: explicit
      ? 'move the statement after COMMIT, outside the transaction block'
      : 'move the statement to a migration of its own (nothing else in the file), or mark the migration non-transactional ' +
        '(Knex: exports.config = { transaction: false }; TypeORM: transaction = false); dbm apply runs it outside the transaction',
  };
}
