/**
 * The text of a SQL migration file: a comment header, then each statement ending with a semicolon, its
 * `-- dbm-ignore` acknowledgements kept above it. drizzle's files separate statements with its breakpoint
 * marker, as drizzle-kit writes them and as its migrator splits them.
 */
import { toScript } from '@dbm/core';
import { DRIZZLE_BREAKPOINT } from '../../drizzle/read.js';
import type { DownEntry, Statement } from './down.js';
import { failureSql } from './failure.js';

/** A statement's text with its acknowledgements above it. */
function statementText(st: Statement): string {
  return st.ignores.length ? `-- dbm-ignore ${st.ignores.join(', ')}\n${st.sql}` : st.sql;
}

/** The SQL of down entries, a failure becoming the statement that raises it. */
export function downStatements(entries: readonly DownEntry[]): Statement[] {
  return entries.map((e) => (e.kind === 'statement' ? e.statement : { sql: failureSql(e.message), ops: [], ignores: [] }));
}

/** A SQL file: `-- ` header lines, a blank line, the statements. */
export function sqlFile(header: readonly string[], statements: readonly Statement[], breakpoints = false): string {
  const head = header.map((l) => (l ? `-- ${l}` : '--')).join('\n');
  const scripts = statements.map((st) => toScript([statementText(st)]));
  const body = breakpoints ? scripts.map((s) => s.trimEnd()).join(`\n${DRIZZLE_BREAKPOINT}\n`) + (scripts.length ? '\n' : '') : scripts.join('\n');
  return `${head}${head && body ? '\n\n' : head ? '\n' : ''}${body}`;
}
