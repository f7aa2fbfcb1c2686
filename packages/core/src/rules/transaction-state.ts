/**
 * The transaction state of a file as PostgreSQL itself sees it, statement by statement: a BEGIN
 * inside an open transaction is ignored (with a WARNING), a COMMIT or ROLLBACK with none open is a
 * no-op (with a WARNING), `AND CHAIN` opens the next transaction at once, PREPARE TRANSACTION ends the
 * session's transaction. Reads both modelled `transaction` operations and the raw TransactionStmt
 * nodes the model leaves alone (BEGIN ISOLATION LEVEL ..., COMMIT AND CHAIN, PREPARE TRANSACTION).
 */
import type { Operation } from '../operations/operation.js';
import type { FileContext } from './context.js';

/** What a statement does to the session's transaction. */
export interface TransactionControl {
  readonly action: 'begin' | 'commit' | 'rollback';
  /** COMMIT AND CHAIN / ROLLBACK AND CHAIN: a new transaction starts right away. */
  readonly chain: boolean;
  /** Display name of the statement, e.g. "BEGIN", "COMMIT AND CHAIN", "PREPARE TRANSACTION". */
  readonly text: string;
}

const RAW_KINDS: Record<string, Omit<TransactionControl, 'chain' | 'text'> & { text: string }> = {
  TRANS_STMT_BEGIN: { action: 'begin', text: 'BEGIN' },
  TRANS_STMT_START: { action: 'begin', text: 'START TRANSACTION' },
  TRANS_STMT_COMMIT: { action: 'commit', text: 'COMMIT' },
  TRANS_STMT_ROLLBACK: { action: 'rollback', text: 'ROLLBACK' },
  // ends the session's transaction without committing it (it waits for COMMIT PREPARED)
  TRANS_STMT_PREPARE: { action: 'commit', text: 'PREPARE TRANSACTION' },
};

/** The transaction control an operation performs, if any (savepoints and two-phase commits: none). */
export function transactionControl(op: Operation): TransactionControl | undefined {
  if (op.kind === 'transaction') return { action: op.action, chain: false, text: op.action === 'begin' ? 'BEGIN' : op.action.toUpperCase() };
  if (op.kind !== 'raw' || op.statement !== 'TransactionStmt') return undefined;
  const body = (op.ast as { TransactionStmt?: { kind?: string; chain?: boolean } } | undefined)?.TransactionStmt;
  const known = body?.kind ? RAW_KINDS[body.kind] : undefined;
  if (!known) return undefined;
  const chain = body?.chain === true && known.action !== 'begin';
  return { action: known.action, chain, text: chain ? `${known.text} AND CHAIN` : known.text };
}

/** The state around one operation. */
export interface TransactionStep {
  /** A transaction (the file's own, or the tool's when assumed) is open when the operation starts. */
  readonly openBefore: boolean;
  /** The open transaction is the one the migration tool opened (assumeInTransaction). */
  readonly toolsBefore: boolean;
  /** Index in `file.ops` of the statement that opened the transaction open before this one. */
  readonly openedAt?: number;
  readonly control?: TransactionControl;
}

/** The state after the last operation. */
export interface TransactionEnd {
  readonly open: boolean;
  readonly tools: boolean;
  readonly openedAt?: number;
}

const cache = new WeakMap<FileContext, { steps: TransactionStep[]; end: TransactionEnd }>();

/**
 * Simulates the session over the file's operations, in one pass. With `toolTransaction` the tool's
 * own BEGIN is assumed before the first statement (assumeInTransaction); without it the file starts
 * in autocommit.
 */
export function transactionSteps(file: FileContext, toolTransaction = file.settings.assumeInTransaction): { steps: TransactionStep[]; end: TransactionEnd } {
  const cached = toolTransaction === file.settings.assumeInTransaction ? cache.get(file) : undefined;
  if (cached) return cached;
  const steps: TransactionStep[] = [];
  let open = toolTransaction;
  let tools = toolTransaction;
  let openedAt: number | undefined;
  for (const ctx of file.ops) {
    const control = transactionControl(ctx.op);
    steps.push({ openBefore: open, toolsBefore: tools, ...(openedAt !== undefined ? { openedAt } : {}), ...(control ? { control } : {}) });
    if (!control) continue;
    if (control.action === 'begin') {
      if (!open) {
        open = true;
        tools = false;
        openedAt = ctx.index;
      }
    } else if (open || control.chain) {
      // COMMIT / ROLLBACK end the open transaction; AND CHAIN opens the next one at once
      // (with none open, PostgreSQL rejects AND CHAIN: treat it as opening one, to stay conservative)
      open = control.chain;
      tools = false;
      openedAt = control.chain ? ctx.index : undefined;
    }
  }
  const result = { steps, end: { open, tools, ...(openedAt !== undefined ? { openedAt } : {}) } };
  if (toolTransaction === file.settings.assumeInTransaction) cache.set(file, result);
  return result;
}
