import { build, type OperationBase } from './common.js';

/** A statement the model does not describe. Kept verbatim, reported as such, never dropped. */
export interface Raw extends OperationBase {
  readonly kind: 'raw';
  /** The statement's SQL text, as written (or deparsed, for one subcommand of a larger ALTER). */
  readonly sql: string;
  /** The parser's node type, e.g. "ReindexStmt", "UpdateStmt", "AlterTableCmd:AT_SetLogged". */
  readonly statement: string;
  /** The parser's tree for the statement, so rules can inspect what the model does not cover. */
  readonly ast: unknown;
}

/** Builds a frozen {@link Raw}. */
export function raw(fields: Omit<Raw, 'kind'>): Raw {
  return build('raw', fields);
}
