/**
 * The SQL of a migration as statements with their operations, through the real PostgreSQL parser. A code
 * migration's queries are parsed one by one (a `knex.raw` may hold several statements); whether a statement
 * can run inside a transaction is decided as `dbm apply --as-written` decides it.
 */
import { asWrittenPlan, parsePostgres, SqlParseError, type ParsedStatement } from '@dbm/core';
import { TranslateMigrationError } from './errors.js';

/** The statements of `texts`, in order. Throws a {@link TranslateMigrationError} naming the file on bad SQL. */
export function parseStatements(texts: readonly string[], file: string): ParsedStatement[] {
  try {
    return texts.flatMap((text) => parsePostgres(text, file).statements);
  } catch (e) {
    if (e instanceof SqlParseError) throw new TranslateMigrationError(`${e.format()}; nothing was written`);
    throw e;
  }
}

/** Whether PostgreSQL refuses to run the statement inside a transaction block (CONCURRENTLY, VACUUM …). */
export function outsideTransaction(st: ParsedStatement): boolean {
  return asWrittenPlan({ statements: [st], fileIgnores: [] }).steps.some((s) => !s.transactional);
}

/** Whether the statement is transaction control (BEGIN, COMMIT, ROLLBACK …) and nothing else. */
export function isTransactionControl(st: ParsedStatement): boolean {
  return st.ops.length > 0 && st.ops.every((op) => op.kind === 'transaction');
}
