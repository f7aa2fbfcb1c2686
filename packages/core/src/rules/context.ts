/**
 * The analysis pass shared by every rule: for each operation, the transaction state, the timeouts in
 * force, the lock it takes, and which tables the file itself created before it.
 */
import { lockOf, type LockInfo } from '../dialects/postgres/locks.js';
import type { ParsedFile, ParsedStatement } from '../dialects/postgres/parse.js';
import type { QualifiedName } from '../operations/common.js';
import type { Operation } from '../operations/operation.js';
import { transactionControl } from './transaction-state.js';

/** Settings that change what is hazardous. */
export interface LintSettings {
  /** Major version of the target server (default 15). */
  readonly pgVersion: number;
  /** Treat the file as running inside a transaction the tool opens (as most ORMs do). */
  readonly assumeInTransaction: boolean;
}

/** The default settings. */
export const DEFAULT_SETTINGS: LintSettings = Object.freeze({ pgVersion: 15, assumeInTransaction: false });

/** One operation with the state around it. */
export interface OpContext {
  readonly op: Operation;
  /** Position of the operation in the file's operation list. */
  readonly index: number;
  readonly statement: ParsedStatement;
  readonly lock: LockInfo;
  /** Inside an explicit BEGIN ... COMMIT, or the file is assumed to run in one. */
  readonly inTransaction: boolean;
  /** 1 inside a transaction the file itself opened, else 0 (PostgreSQL does not nest: a BEGIN inside one is ignored). */
  readonly transactionDepth: number;
  /** A non-zero lock_timeout is in force. */
  readonly lockTimeout: boolean;
  /** A non-zero statement_timeout is in force. */
  readonly statementTimeout: boolean;
}

/** A whole file, analysed. */
export interface FileContext {
  readonly settings: LintSettings;
  readonly file: ParsedFile;
  readonly ops: readonly OpContext[];
  /** Whether the table was created earlier in this same file (so nobody else can be using it). */
  isNewTable(table: QualifiedName, beforeIndex: number): boolean;
}

/** Key of a table, with unqualified names taken as `public`. */
export function tableKey(t: QualifiedName): string {
  return `${t.schema ?? 'public'}.${t.name}`;
}

const ZERO = /^'?\s*0\s*(ms|s|min)?\s*'?$/i;

/** Builds the context of a parsed file in one pass. */
export function analyse(file: ParsedFile, settings: LintSettings = DEFAULT_SETTINGS): FileContext {
  const created = new Map<string, number>();
  const ops: OpContext[] = [];
  let open = false;
  // session-level values, and SET LOCAL values that end with the transaction
  const session = { lockTimeout: false, statementTimeout: false };
  let local: { lockTimeout?: boolean; statementTimeout?: boolean } = {};
  let index = 0;
  for (const statement of file.statements) {
    for (const op of statement.ops) {
      ops.push({
        op,
        index,
        statement,
        lock: lockOf(op),
        inTransaction: settings.assumeInTransaction || open,
        transactionDepth: open ? 1 : 0,
        lockTimeout: local.lockTimeout ?? session.lockTimeout,
        statementTimeout: local.statementTimeout ?? session.statementTimeout,
      });
      const control = transactionControl(op);
      if (control) {
        // as PostgreSQL does it: BEGIN inside a transaction is ignored, COMMIT/ROLLBACK end it, AND CHAIN reopens
        if (control.action === 'begin') open = true;
        else {
          open = control.chain;
          local = {};
        }
      }
      switch (op.kind) {
        case 'setting': {
          const on = op.value !== undefined && !ZERO.test(op.value);
          const key = op.name === 'lock_timeout' ? 'lockTimeout' : op.name === 'statement_timeout' ? 'statementTimeout' : undefined;
          if (key && op.local) local[key] = on;
          else if (key) session[key] = on;
          break;
        }
        case 'createTable':
          if (!created.has(tableKey(op.table))) created.set(tableKey(op.table), index);
          break;
        case 'renameTable': {
          const from = created.get(tableKey(op.table));
          if (from !== undefined) created.set(tableKey({ ...op.table, name: op.to }), from);
          break;
        }
        default:
          break;
      }
      index++;
    }
  }
  return {
    settings,
    file,
    ops,
    isNewTable: (table, beforeIndex) => {
      const at = created.get(tableKey(table));
      return at !== undefined && at < beforeIndex;
    },
  };
}
