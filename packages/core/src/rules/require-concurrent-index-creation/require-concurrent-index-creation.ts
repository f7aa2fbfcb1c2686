import { createIndex } from '../../operations/create-index.js';
import { defineRule, type Finding } from '../rule.js';
import { onExistingTable, opsOf, show, sqlOf } from '../helpers.js';

/**
 * CREATE INDEX without CONCURRENTLY holds a SHARE lock for the whole build: every write to the table
 * waits until the index is built. An index on a table created in the same file is exempt.
 */
export const requireConcurrentIndexCreation = defineRule({
  id: 'require-concurrent-index-creation',
  code: 'DBM101',
  severity: 'error',
  summary: 'Build indexes on existing tables with CREATE INDEX CONCURRENTLY, outside a transaction.',
  aliases: { squawk: ['require-concurrent-index-creation'], strongMigrations: 'add_index', atlas: 'PG101' },
  check(file) {
    const out: Finding[] = [];
    for (const ctx of opsOf(file, 'createIndex')) {
      if (ctx.op.concurrently || !onExistingTable(file, ctx, ctx.op.table)) continue;
      out.push({
        at: ctx,
        message: `CREATE INDEX on ${show(ctx.op.table)} blocks every write to the table (SHARE lock) until the index is built.`,
        help: `${sqlOf(createIndex({ ...ctx.op, concurrently: true }))}; -- outside a transaction; if it fails, drop the INVALID index and retry`,
      });
    }
    return out;
  },
});
