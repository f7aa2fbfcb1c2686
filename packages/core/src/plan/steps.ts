/**
 * Pieces → steps. A `group` piece joins the transactional step before it when that step is a group
 * too; an `alone` piece gets its own short transaction (the kept parts of one statement share it);
 * a `nontx` piece is a step of its own. Each step starts by setting its timeouts, and carries the
 * statements that undo it.
 */
import { compilePostgres } from '../dialects/postgres/compile.js';
import { lockOf } from '../dialects/postgres/locks.js';
import { invertAll } from '../operations/invert.js';
import type { Operation } from '../operations/operation.js';
import { setting } from '../operations/setting.js';
import { tableKey } from '../rules/context.js';
import type { Piece, PieceMode, Timeouts } from './piece.js';
import type { Step } from './types.js';

interface Bucket {
  readonly mode: PieceMode;
  readonly pieces: Piece[];
  /** Set when the bucket holds kept parts of one statement. */
  readonly keptStatement?: number;
}

const sameTimeouts = (a: Timeouts, b: Timeouts) => a.lock === b.lock && a.statement === b.statement;

function joins(bucket: Bucket | undefined, p: Piece): boolean {
  if (!bucket || !sameTimeouts(bucket.pieces[0]!.timeouts, p.timeouts)) return false;
  if (p.mode === 'group') return bucket.mode === 'group';
  return p.mode === 'alone' && p.kept === true && bucket.keptStatement === p.statement;
}

/** The timeout statements a step starts with. */
function timeoutOps(t: Timeouts, transactional: boolean): Operation[] {
  return [
    setting({ name: 'lock_timeout', value: t.lock, local: transactional }),
    ...(t.statement !== undefined ? [setting({ name: 'statement_timeout', value: t.statement, local: transactional })] : []),
  ];
}

/** The operations undoing one piece, or null. Pieces on a table the same step creates need none. */
function undoOf(p: Piece, createdHere: Set<string>): readonly Operation[] | null {
  if (p.undo !== undefined) return p.undo;
  const onCreated = p.ops.every((op) => {
    if (op.kind === 'createTable' || op.kind === 'renameTable') return false;
    const table = lockOf(op).table;
    return table !== undefined && createdHere.has(tableKey(table));
  });
  if (onCreated) return [];
  const inv = invertAll(p.ops);
  return inv.reversible ? inv.ops : null;
}

function reverseOf(bucket: Bucket, transactional: boolean): string[] | null {
  const createdHere = new Set(bucket.pieces.flatMap((p) => p.ops.flatMap((op) => (op.kind === 'createTable' ? [tableKey(op.table)] : []))));
  const undo: Operation[] = [];
  for (let i = bucket.pieces.length - 1; i >= 0; i--) {
    const ops = undoOf(bucket.pieces[i]!, createdHere);
    if (ops === null) return null;
    undo.push(...ops);
  }
  if (undo.length === 0) return [];
  return [...timeoutOps(bucket.pieces[0]!.timeouts, transactional), ...undo].map(compilePostgres);
}

function toStep(bucket: Bucket): Step {
  const transactional = bucket.mode !== 'nontx';
  const ops = [...timeoutOps(bucket.pieces[0]!.timeouts, transactional), ...bucket.pieces.flatMap((p) => p.ops)];
  return {
    transactional,
    statements: ops.map(compilePostgres),
    reverse: reverseOf(bucket, transactional),
    comment: [...new Set(bucket.pieces.map((p) => p.comment))].join('; '),
    lines: [...new Set(bucket.pieces.map((p) => p.line))].sort((a, b) => a - b),
  };
}

/** Forms the steps of a plan from its pieces, in order. */
export function buildSteps(pieces: readonly Piece[]): Step[] {
  const buckets: Bucket[] = [];
  for (const p of pieces) {
    const last = buckets[buckets.length - 1];
    if (joins(last, p)) last!.pieces.push(p);
    else buckets.push({ mode: p.mode, pieces: [p], ...(p.mode === 'alone' && p.kept ? { keptStatement: p.statement } : {}) });
  }
  return buckets.map(toStep);
}
