import { as, list, rangeVar, type Body } from '../../dialects/postgres/ast.js';
import { ident, qname } from '../../dialects/postgres/quote.js';
import type { QualifiedName } from '../../operations/common.js';
import type { Operation } from '../../operations/operation.js';
import { optionOn } from '../require-concurrent-reindex/reindex.js';
import type { FileContext, OpContext } from '../context.js';
import { show } from '../helpers.js';
import { defineRule, type Finding } from '../rule.js';

/** A whole-table rewrite: VACUUM FULL or CLUSTER, with the tables it names (none: all of them). */
interface Rewrite {
  readonly command: 'VACUUM FULL' | 'CLUSTER';
  readonly tables: readonly QualifiedName[];
  readonly index?: string;
}

function relation(node: unknown): QualifiedName | undefined {
  try {
    return node ? rangeVar(node) : undefined;
  } catch {
    return undefined;
  }
}

function rewriteOf(op: Operation): Rewrite | undefined {
  if (op.kind !== 'raw') return undefined;
  if (op.statement === 'VacuumStmt') {
    const b = as(op.ast, 'VacuumStmt');
    if (!b || b.is_vacuumcmd !== true || !optionOn(list(b, 'options'), 'full')) return undefined;
    const tables = list(b, 'rels').flatMap((r) => relation((as(r, 'VacuumRelation') as Body | undefined)?.relation) ?? []);
    return { command: 'VACUUM FULL', tables };
  }
  if (op.statement === 'ClusterStmt') {
    const b = as(op.ast, 'ClusterStmt') ?? {};
    const table = relation(b.relation);
    return { command: 'CLUSTER', tables: table ? [table] : [], ...(typeof b.indexname === 'string' ? { index: b.indexname } : {}) };
  }
  return undefined;
}

function help(rw: Rewrite, pgVersion: number): string {
  const using = rw.command === 'CLUSTER' ? ` USING INDEX${rw.index ? ` ${ident(rw.index)}` : ''}` : '';
  const repack = rw.tables.length
    ? rw.tables.map((t) => `REPACK (CONCURRENTLY) ${qname(t)}${using};`).join(' ')
    : `REPACK (CONCURRENTLY) <table>${using}; for each table`;
  const tables = rw.tables.length ? rw.tables.map((t) => ` --table=${show(t)}`).join('') : ' --table=<table>';
  const pgRepack = `pg_repack${rw.command === 'VACUUM FULL' ? ' --no-order' : ''}${tables}`;
  return pgVersion >= 19
    ? `${repack} -- ACCESS EXCLUSIVE only for the final swap (or ${pgRepack})`
    : `${pgRepack} -- rewrites online, ACCESS EXCLUSIVE only briefly at the end; from PostgreSQL 19: ${repack}`;
}

function allNew(file: FileContext, ctx: OpContext, tables: readonly QualifiedName[]): boolean {
  return tables.length > 0 && tables.every((t) => file.isNewTable(t, ctx.index));
}

/**
 * VACUUM FULL and CLUSTER rewrite the whole table (and rebuild its indexes) under an ACCESS EXCLUSIVE
 * lock: no reads or writes until they finish, which on a large table is minutes to hours. Without a
 * table name they do it to every table (CLUSTER: every table clustered before). pg_repack, or REPACK
 * (CONCURRENTLY) from PostgreSQL 19, rewrites online and locks only for the final swap. Plain VACUUM
 * and VACUUM (FULL false) are fine; so are tables created in the same file.
 */
export const banVacuumFullAndCluster = defineRule({
  id: 'ban-vacuum-full-and-cluster',
  code: 'DBM113',
  severity: 'error',
  summary: 'Do not run VACUUM FULL or CLUSTER in migrations: use pg_repack, or REPACK (CONCURRENTLY) on PostgreSQL 19+.',
  aliases: { squawk: ['prefer-repack'] },
  check(file) {
    const out: Finding[] = [];
    for (const ctx of file.ops) {
      const rw = rewriteOf(ctx.op);
      if (!rw || allNew(file, ctx, rw.tables)) continue;
      const what = rw.tables.length
        ? rw.tables.map(show).join(', ')
        : rw.command === 'CLUSTER'
          ? 'every table clustered before'
          : 'every table in the database';
      out.push({
        at: ctx,
        message: `${rw.command} rewrites ${what} under an ACCESS EXCLUSIVE lock: no reads or writes until the rewrite ends.`,
        help: help(rw, file.settings.pgVersion),
        lock: 'ACCESS EXCLUSIVE',
      });
    }
    return out;
  },
});
