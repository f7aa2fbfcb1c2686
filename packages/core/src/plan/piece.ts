/**
 * A piece is what one operation becomes before steps are formed: operations to run, how they must run
 * (joined with their lock-free neighbours, alone in a short transaction, or outside any transaction),
 * and how to undo them.
 */
import { atLeast } from '../dialects/postgres/locks.js';
import type { Operation } from '../operations/operation.js';
import type { FileContext, OpContext } from '../rules/context.js';

/**
 * `group`: lock-free, or on a table this file created: shares a transaction with its neighbours.
 * `alone`: locks an existing table: its own short transaction.
 * `nontx`: cannot run in a transaction (CONCURRENTLY, batched backfill, VACUUM, ...).
 */
export type PieceMode = 'group' | 'alone' | 'nontx';

/** What a rewrite returns for one operation; the planner adds where it came from. */
export interface Draft {
  readonly mode: PieceMode;
  readonly ops: readonly Operation[];
  /**
   * The operations that undo this piece, in the order to run them; null when nothing can undo it.
   * Absent: derived from `ops` with invertAll.
   */
  readonly undo?: readonly Operation[] | null;
  /** Why the piece exists, for the step's header. */
  readonly comment: string;
  /** Kept as written (no safe pattern applied): kept parts of one statement share one step. */
  readonly kept?: boolean;
}

/** The lock_timeout / statement_timeout values (SQL text) in force for a piece. */
export interface Timeouts {
  readonly lock: string;
  readonly statement?: string;
}

/** A draft placed in its file. */
export interface Piece extends Draft {
  readonly line: number;
  /** Index of the source statement. */
  readonly statement: number;
  readonly timeouts: Timeouts;
}

/** A draft that keeps one operation as written. */
export function kept(op: Operation, mode: PieceMode, comment: string): Draft {
  return { mode, ops: [op], comment, kept: true };
}

/** Whether an operation waits for a lock others notice on a table that existed before the file. */
export function locksExistingTable(file: FileContext, at: OpContext): boolean {
  const { lock } = at;
  if (!atLeast(lock.level, 'SHARE UPDATE EXCLUSIVE')) return false;
  return lock.table === undefined || !file.isNewTable(lock.table, at.index);
}

/** `alone` for an operation that locks an existing table, `group` otherwise. */
export function modeOf(file: FileContext, at: OpContext): PieceMode {
  return locksExistingTable(file, at) ? 'alone' : 'group';
}
