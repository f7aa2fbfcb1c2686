/**
 * The text of one Prisma migration folder as dbm writes it: Prisma's layout (a label comment above each
 * statement, statements ending with `;`, a blank line between them, a final newline), dbm's comments
 * saying why the folder exists and what the safety pass changed, and the down.sql beside it.
 */
import { blockText, dbmComment, type Block } from './blocks.js';

/** A migration.sql being written, with the line each block starts on. */
export interface RenderedMigration {
  readonly sql: string;
  /** For each block, the 1-based line of its statement in `sql`. */
  readonly lines: number[];
  /** The line of the timeout statements, when there are. */
  readonly timeoutLine?: number;
}

/** What a migration.sql holds. */
export interface MigrationText {
  /** Comment lines (without `-- `) at the top of the file: why this folder exists. */
  readonly header: readonly string[];
  /** The step's timeout statements (transactional steps only). */
  readonly timeouts: readonly string[];
  readonly blocks: readonly Block[];
  /** What the safety pass changed, per block index, written above the block. */
  readonly comments: ReadonlyMap<number, readonly string[]>;
}

/** Renders migration.sql. */
export function renderMigration(m: MigrationText): RenderedMigration {
  const parts: string[][] = [];
  if (m.header.length) parts.push(m.header.map(dbmComment));
  let timeoutLine: number | undefined;
  const lineOf = () => parts.reduce((n, p) => n + p.length + 1, 1);
  if (m.timeouts.length) {
    const part = [dbmComment('a statement waiting for a lock gives up quickly instead of holding up all traffic behind it (dbm apply retries it)')];
    timeoutLine = lineOf() + part.length;
    parts.push([...part, ...m.timeouts.map((s) => `${s};`)]);
  }
  const lines: number[] = [];
  for (const [i, b] of m.blocks.entries()) {
    const part = blockText(b, m.comments.get(i) ?? []);
    lines.push(lineOf() + part.length - b.sql.split('\n').length);
    parts.push(part);
  }
  return { sql: `${parts.map((p) => p.join('\n')).join('\n\n')}\n`, lines, ...(timeoutLine !== undefined ? { timeoutLine } : {}) };
}

/**
 * Renders down.sql: the statements undoing the migration, or a comment saying there is nothing to undo.
 * `hazards` names the lint rules a statement trips (dropping what the migration added is the point of a
 * down migration): they are acknowledged above it, so linting the migrations folder stays meaningful.
 */
export function renderDown(migration: string, reverse: readonly string[], hazards: (statement: string) => readonly string[] = () => []): string {
  const head = dbmComment(`down migration of ${migration}, run by \`dbm rollback\` (Prisma ignores this file)`);
  if (!reverse.length) return `${head}\n-- nothing to undo: this migration changes no schema object by itself\n`;
  const body = reverse.map((s) => {
    const rules = hazards(s);
    return rules.length ? `${dbmComment(`removes what ${migration} added`)}\n-- dbm-ignore ${rules.join(', ')}\n${s};` : `${s};`;
  });
  return `${head}\n${body.join('\n')}\n`;
}
