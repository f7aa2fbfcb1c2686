import { dropIndex } from '../../operations/drop-index.js';
import type { QualifiedName } from '../../operations/common.js';
import { tableKey } from '../context.js';
import { show, sqlOf } from '../helpers.js';
import { defineRule, type Finding } from '../rule.js';

/** Key of an index; an index lives in its table's schema. */
const indexKey = (schema: string | undefined, name: string): string => tableKey({ ...(schema ? { schema } : {}), name });

/**
 * DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the index's table: it waits behind
 * every running query on that table, and every read and write that arrives meanwhile queues behind it.
 * DROP INDEX CONCURRENTLY waits for running queries without blocking new ones. An index the file itself
 * built on a table it also created is exempt (nobody else can be using it).
 */
export const requireConcurrentIndexDeletion = defineRule({
  id: 'require-concurrent-index-deletion',
  code: 'DBM102',
  severity: 'error',
  summary: 'Drop indexes with DROP INDEX CONCURRENTLY, outside a transaction.',
  aliases: { squawk: ['require-concurrent-index-deletion'], strongMigrations: 'remove_index', atlas: 'PG102' },
  check(file) {
    const out: Finding[] = [];
    // indexes created earlier in this file → whether their table is new too
    const builtOnNewTable = new Map<string, boolean>();
    for (const ctx of file.ops) {
      const { op } = ctx;
      if (op.kind === 'createIndex' && op.name !== undefined) {
        builtOnNewTable.set(indexKey(op.table.schema, op.name), file.isNewTable(op.table, ctx.index));
        continue;
      }
      if (op.kind !== 'dropIndex' || op.concurrently) continue;
      if (builtOnNewTable.get(indexKey(op.index.schema, op.index.name)) === true) continue;
      out.push({
        at: ctx,
        message:
          `DROP INDEX ${show(op.index)} takes an ACCESS EXCLUSIVE lock on its table: the drop waits behind every running query ` +
          'on the table, and every read and write queues behind the drop.',
        help: helpFor(op.index, op.ifExists, op.cascade),
      });
    }
    return out;
  },
});

function helpFor(index: QualifiedName, ifExists: boolean, cascade: boolean): string {
  const safe = sqlOf(dropIndex({ index, concurrently: true, ifExists, cascade: false }));
  const notes = ['-- outside a transaction, one index per statement'];
  if (cascade) notes.push('-- CONCURRENTLY does not allow CASCADE: drop the objects that depend on the index first');
  return `${safe}; ${notes.join('\n')}`;
}
