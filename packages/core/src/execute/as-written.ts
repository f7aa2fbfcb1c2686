/**
 * `apply --as-written`: the migration exactly as written, with no safety rewrites — one transaction for
 * everything that can run in one (as the ORMs do), a step of its own for each statement that cannot
 * (CONCURRENTLY, VACUUM, ...), which drizzle's migrator gets wrong. lock_timeout is still set.
 */
import { compilePostgres } from '../dialects/postgres/compile.js';
import type { ParsedFile } from '../dialects/postgres/parse.js';
import { invertAll } from '../operations/invert.js';
import type { Operation } from '../operations/operation.js';
import { rawMode } from '../plan/raw-mode.js';
import type { Plan, Step } from '../plan/types.js';

function outsideTransaction(op: Operation): boolean {
  if (op.kind === 'createIndex' || op.kind === 'dropIndex') return op.concurrently;
  if (op.kind === 'raw') return rawMode(op) === 'nontx';
  return false;
}

function reverseOf(ops: Operation[]): string[] | null {
  const inv = invertAll(ops);
  return inv.reversible ? inv.ops.map(compilePostgres) : null;
}

/** A plan that runs the file as written. */
export function asWrittenPlan(file: ParsedFile, options: { lockTimeout?: string } = {}): Plan {
  const timeout = `'${(options.lockTimeout ?? '20ms').replace(/'/g, "''")}'`;
  const steps: Step[] = [];
  let group: { statements: string[]; ops: Operation[]; lines: number[] } | undefined;
  const flush = () => {
    if (!group) return;
    steps.push({
      transactional: true,
      statements: [`SET LOCAL lock_timeout = ${timeout}`, ...group.statements],
      reverse: reverseOf(group.ops),
      comment: 'as written, in one transaction',
      lines: group.lines,
    });
    group = undefined;
  };
  for (const st of file.statements) {
    const ops = st.ops.filter((op) => op.kind !== 'transaction');
    if (!ops.length) continue;
    if (ops.some(outsideTransaction)) {
      flush();
      steps.push({
        transactional: false,
        statements: [`SET lock_timeout = ${timeout}`, st.sql],
        reverse: reverseOf(ops),
        comment: 'as written, outside a transaction (it cannot run inside one)',
        lines: [st.loc.line],
      });
      continue;
    }
    group ??= { statements: [], ops: [], lines: [] };
    group.statements.push(st.sql);
    group.ops.push(...ops);
    group.lines.push(st.loc.line);
  }
  flush();
  return { steps, notes: [], unmodelled: [], changes: [] };
}
