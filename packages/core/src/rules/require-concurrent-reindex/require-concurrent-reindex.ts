import { ident, qname } from '../../dialects/postgres/quote.js';
import { tableKey } from '../context.js';
import { show } from '../helpers.js';
import { defineRule, type Finding } from '../rule.js';
import { reindexTarget, type ReindexTarget } from './reindex.js';

/**
 * REINDEX without CONCURRENTLY rebuilds each index while holding a SHARE lock on its table (no writes)
 * and an ACCESS EXCLUSIVE lock on the index (no query that would use it), for the whole rebuild.
 * REINDEX CONCURRENTLY (PostgreSQL 12+) builds a new copy beside the old one and swaps them, blocking
 * neither. REINDEX SYSTEM cannot run concurrently and is left alone; so is a table (or an index on a
 * table) that the file itself created.
 */
export const requireConcurrentReindex = defineRule({
  id: 'require-concurrent-reindex',
  code: 'DBM111',
  severity: 'error',
  summary: 'Rebuild indexes with REINDEX ... CONCURRENTLY, outside a transaction.',
  aliases: { squawk: ['require-concurrent-reindex'] },
  check(file) {
    const out: Finding[] = [];
    // indexes built earlier in this file on tables it created
    const newIndexes = new Set<string>();
    for (const ctx of file.ops) {
      const { op } = ctx;
      if (op.kind === 'createIndex' && op.name !== undefined && file.isNewTable(op.table, ctx.index)) {
        newIndexes.add(tableKey({ ...(op.table.schema ? { schema: op.table.schema } : {}), name: op.name }));
        continue;
      }
      const target = reindexTarget(op);
      if (!target || target.concurrently || target.kind === 'system') continue;
      if (target.kind === 'table' && target.relation && file.isNewTable(target.relation, ctx.index)) continue;
      if (target.kind === 'index' && target.relation && newIndexes.has(tableKey(target.relation))) continue;
      out.push({
        at: ctx,
        message: `REINDEX ${describe(target)} rebuilds ${scope(target)}.`,
        help: help(target, file.settings.pgVersion),
        lock: 'ACCESS EXCLUSIVE',
      });
    }
    return out;
  },
});

function describe(t: ReindexTarget): string {
  const name = t.relation ? show(t.relation) : (t.name ?? '');
  return `${t.kind.toUpperCase()}${name ? ` ${name}` : ''}`;
}

function scope(t: ReindexTarget): string {
  switch (t.kind) {
    case 'index':
      return 'the index while blocking writes to its table and every query that would use the index';
    case 'table':
      return 'every index of the table while blocking writes to it and every query that would use the index being rebuilt';
    default:
      return `every index in the ${t.kind}, table by table, each time blocking writes to the table and every query that would use the index being rebuilt`;
  }
}

function help(t: ReindexTarget, pgVersion: number): string {
  if (pgVersion < 12) {
    return (
      'REINDEX CONCURRENTLY needs PostgreSQL 12. Before that, rebuild one index at a time without blocking:\n' +
      '1. CREATE INDEX CONCURRENTLY <new name> ON <table> (<same definition>);\n' +
      '2. DROP INDEX CONCURRENTLY <old name>;\n' +
      '3. ALTER INDEX <new name> RENAME TO <old name>;'
    );
  }
  const target = t.relation ? qname(t.relation) : t.name ? ident(t.name) : '';
  return `REINDEX ${t.kind.toUpperCase()} CONCURRENTLY ${target}; -- outside a transaction; if it fails, drop the leftover INVALID "_ccnew" index and retry`;
}
