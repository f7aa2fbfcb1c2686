/**
 * PostgreSQL SQL text → operations, through the real PostgreSQL parser (libpg-query, wasm).
 * Every statement yields at least one operation: what the model does not describe becomes `raw`.
 */
import { loadPostgresParser, parseSync, scanSync } from './wasm.js';
import type { SourceLocation } from '../../operations/common.js';
import type { Operation } from '../../operations/operation.js';
import { raw } from '../../operations/raw.js';
import { SqlParseError } from '../../source/errors.js';
import { LineIndex } from '../../source/line-index.js';
import { readDirectives, skipTrivia } from '../../source/trivia.js';
import { unwrap, Unmodelled, type Body } from './ast.js';
import { alterEnum, createEnum, createIndex, drop, transaction, variableSet } from './statements-other.js';
import { alterTable, createTable, rename } from './statements-table.js';

/** One statement of a file and what it became. */
export interface ParsedStatement {
  readonly index: number;
  readonly loc: SourceLocation;
  /** The statement text as written (no trailing semicolon). */
  readonly sql: string;
  /** The parser's node type of the statement, e.g. "CreateStmt". */
  readonly type: string;
  readonly ops: readonly Operation[];
  /** Rule ids named by `-- dbm-ignore` / `-- squawk-ignore` directly above the statement. */
  readonly ignores: readonly string[];
}

/** A parsed file. */
export interface ParsedFile {
  readonly statements: readonly ParsedStatement[];
  /** Rule ids named by `-- dbm-ignore-file` / `-- squawk-ignore-file` anywhere in the file. */
  readonly fileIgnores: readonly string[];
}

type Converter = (body: Body, statementSql: string) => Operation[];

/** The statement types the model describes. Everything else is kept as `raw`. */
const CONVERTERS: Record<string, Converter> = {
  CreateStmt: createTable,
  AlterTableStmt: alterTable,
  RenameStmt: rename,
  IndexStmt: createIndex,
  DropStmt: drop,
  CreateEnumStmt: createEnum,
  AlterEnumStmt: alterEnum,
  VariableSetStmt: variableSet,
  TransactionStmt: transaction,
};

export { loadPostgresParser };

/** Parses PostgreSQL SQL into statements and operations. Throws {@link SqlParseError} on bad SQL. */
export function parsePostgres(text: string, file?: string): ParsedFile {
  const lines = new LineIndex(text);
  let tree: { stmts?: Array<{ stmt: unknown; stmt_location?: number; stmt_len?: number }> };
  try {
    // the parser refuses an empty string (but not blank text); an empty migration has no statements
    tree = text === '' ? {} : (parseSync(text) as typeof tree);
  } catch (e) {
    throw toParseError(e, text, lines, file);
  }
  const statements: ParsedStatement[] = [];
  const fileIgnores: string[] = [];
  let previousEnd = 0;
  for (const [index, entry] of (tree.stmts ?? []).entries()) {
    const rawStart = lines.charOffset(entry.stmt_location ?? 0);
    const rawEnd = entry.stmt_len ? lines.charOffset((entry.stmt_location ?? 0) + entry.stmt_len) : text.length;
    const start = skipTrivia(text, rawStart, rawEnd);
    const statementSql = withoutTrailingTrivia(text.slice(start, rawEnd));
    const directives = readDirectives(text.slice(previousEnd, start));
    fileIgnores.push(...directives.file);
    previousEnd = rawEnd;
    const pos = lines.position(start);
    const loc: SourceLocation = { offset: start, length: statementSql.length, line: pos.line, column: pos.column };
    const [type, body] = unwrap(entry.stmt);
    const ops = convert(type, body, statementSql, entry.stmt).map((op) => Object.freeze({ ...op, loc }));
    statements.push({ index, loc, sql: statementSql, type, ops, ignores: directives.statement });
  }
  fileIgnores.push(...readDirectives(text.slice(previousEnd)).file);
  return { statements, fileIgnores };
}

function convert(type: string, body: Body, statementSql: string, ast: unknown): Operation[] {
  const converter = CONVERTERS[type];
  if (converter) {
    try {
      return converter(body, statementSql);
    } catch (e) {
      if (!(e instanceof Unmodelled)) throw e;
    }
  }
  return [raw({ sql: statementSql, statement: type, ast })];
}

/**
 * A statement's text without what follows its last token. The parser's statement span runs up to the
 * semicolon, so it keeps a comment written before it; a `-- comment` left at the end would swallow the
 * semicolon a script writer appends. Only text holding a comment marker needs the scanner.
 */
function withoutTrailingTrivia(statement: string): string {
  const trimmed = statement.replace(/[\s;]+$/, '');
  if (!trimmed.includes('--') && !trimmed.includes('/*')) return trimmed;
  const tokens = scanSync(trimmed).tokens.filter((t) => t.tokenName !== 'SQL_COMMENT' && t.tokenName !== 'C_COMMENT');
  const last = tokens[tokens.length - 1];
  if (!last) return trimmed;
  // token offsets are UTF-8 bytes
  return Buffer.from(trimmed, 'utf8').subarray(0, last.end).toString('utf8').replace(/[\s;]+$/, '');
}

/** The UTF-16 offset of the `n`th code point: the parser counts an error's position in characters. */
function codePointOffset(text: string, n: number): number {
  let i = 0;
  for (let k = 0; k < n && i < text.length; k++) i += text.codePointAt(i)! > 0xffff ? 2 : 1;
  return i;
}

function toParseError(e: unknown, text: string, lines: LineIndex, file?: string): SqlParseError {
  const err = e as { message?: string; sqlDetails?: { cursorPosition?: number } };
  const cursor = err.sqlDetails?.cursorPosition;
  const pos = cursor === undefined ? { line: 1, column: 1 } : lines.position(codePointOffset(text, Math.max(0, cursor)));
  return new SqlParseError(String(err.message ?? e), pos.line, pos.column, file);
}

/** All operations of a parsed file, in order. */
export function operationsOf(file: ParsedFile): Operation[] {
  return file.statements.flatMap((s) => s.ops);
}
