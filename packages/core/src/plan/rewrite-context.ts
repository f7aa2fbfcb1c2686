/** What a rewrite of one operation can see and report. */
import type { QualifiedName } from '../operations/common.js';
import type { FileContext, OpContext } from '../rules/context.js';
import type { NameRegistry } from './name-registry.js';
import type { NoteText } from './notes.js';

/** The context handed to each per-kind rewrite. */
export interface RewriteContext {
  readonly file: FileContext;
  /** The operation's analysis: lock, transaction state, position. */
  readonly at: OpContext;
  readonly pgVersion: number;
  readonly batchSize: number;
  readonly names: NameRegistry;
  /** Indexes (schema.name) this file built on tables it created: dropping them locks nobody. */
  readonly newIndexes: Set<string>;
  /** Changes the lock_timeout / statement_timeout every later step sets; undefined restores the option. */
  setTimeout(name: 'lock_timeout' | 'statement_timeout', value: string | undefined): void;
  /** Whether the table existed before this file, so other sessions may be using it. */
  existing(table: QualifiedName): boolean;
  /** Whether the statement (or the file) acknowledges one of these rules with an ignore comment. */
  acknowledged(rules: readonly string[]): boolean;
  /** Records what the fixer changed at this statement. */
  change(what: string): void;
  /**
   * Records a hazard the planner cannot rewrite, with the expand/contract plan to follow by hand: an
   * error, or a warning when the statement acknowledges one of the note's rules.
   */
  note(note: NoteText): void;
  /** Records a statement kept verbatim because the model does not describe it. */
  unmodelled(statement: string): void;
}

/** Rule ids (dbm and squawk) whose ignore comment keeps a statement exactly as written. */
export const ACK = {
  createIndex: ['require-concurrent-index-creation'],
  dropIndex: ['require-concurrent-index-deletion'],
  notValid: ['constraint-missing-not-valid', 'adding-foreign-key-constraint'],
  setNotNull: ['adding-not-nullable-field'],
  unique: ['disallowed-unique-constraint'],
  primaryKey: ['adding-primary-key-constraint', 'adding-serial-primary-key-field'],
  volatileDefault: ['adding-field-with-default'],
} as const;
