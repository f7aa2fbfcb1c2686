/**
 * Prisma's script, statement by statement, and the statements of a plan step traced back to it. Prisma
 * labels every statement with a comment (`-- CreateIndex`, `-- AddForeignKey`, ...); a statement the
 * safety pass left alone is written back exactly as Prisma wrote it, label included, and a rewritten one
 * keeps the label of the statement it came from.
 */
import { compilePostgres, type ParsedFile, type ParsedStatement } from '@dbm/core';

/** One statement of Prisma's script. */
export interface PrismaStatement {
  /** 1-based line of the statement in Prisma's script. */
  readonly line: number;
  /** The statement as Prisma wrote it, without the semicolon. */
  readonly sql: string;
  /** Prisma's label comment above it, e.g. "-- CreateIndex" (several lines when there are). */
  readonly label?: string;
  /** Its operations compiled, as they appear in a plan step when the safety pass keeps them. */
  readonly compiled: readonly string[];
}

/** A statement to write: Prisma's own text, or the safety pass's rewrite. */
export interface Block {
  readonly label?: string;
  readonly sql: string;
  /** The line of Prisma's statement it comes from. */
  readonly source?: number;
  /** True when the safety pass changed it (or it is new). */
  readonly rewritten: boolean;
  /**
   * Lint rules acknowledged above the statement (`-- dbm-ignore`), and why: a statement the plan made safe
   * by what an earlier folder of the same generate did (a validated CHECK before SET NOT NULL, a table it
   * created) looks unsafe to a linter or planner that sees its folder alone.
   */
  readonly acknowledged?: { readonly rules: readonly string[]; readonly why: string };
}

/**
 * A dbm comment line. Without semicolons: Prisma's driver-adapter migrations (Prisma 7 with
 * @prisma/adapter-pg) split a migration.sql at every `;`, comments included.
 */
export function dbmComment(text: string): string {
  return `-- dbm: ${text.replace(/\s*\n\s*/g, ' ').replaceAll(';', ',')}`.trimEnd();
}

/** A block's comment lines and statement, as written in a migration file, with dbm's remarks above it. */
export function blockText(b: Block, remarks: readonly string[] = []): string[] {
  const ack = b.acknowledged ? [dbmComment(b.acknowledged.why), `-- dbm-ignore ${b.acknowledged.rules.join(', ')}`] : [];
  return [...(b.label ? b.label.split('\n') : []), ...remarks.map(dbmComment), ...ack, ...`${b.sql};`.split('\n')];
}

/** The comment lines directly above a statement (Prisma's label). */
function labelAbove(lines: readonly string[], line: number): string | undefined {
  const label: string[] = [];
  for (let i = line - 2; i >= 0 && /^\s*--/.test(lines[i]!); i--) label.unshift(lines[i]!.trimEnd());
  return label.length ? label.join('\n') : undefined;
}

/** Prisma's statements, with their labels and compiled operations. */
export function prismaStatements(script: string, parsed: ParsedFile): PrismaStatement[] {
  const lines = script.split('\n');
  return parsed.statements.map((s: ParsedStatement) => {
    const label = labelAbove(lines, s.loc.line);
    return {
      line: s.loc.line,
      sql: s.sql,
      ...(label ? { label } : {}),
      // BEGIN/COMMIT and SET are never kept as such: the plan decides transactions and timeouts
      compiled: s.ops.filter((op) => op.kind !== 'transaction' && op.kind !== 'setting').map(compilePostgres),
    };
  });
}

const startsWith = (body: readonly string[], at: number, part: readonly string[]) =>
  part.length > 0 && part.every((s, j) => body[at + j] === s);

/**
 * The blocks of a step's statements (its timeouts excluded): runs of statements equal to one of Prisma's
 * statements from the step's source lines become that statement verbatim; the rest are rewrites.
 */
export function stepBlocks(body: readonly string[], sourceLines: readonly number[], statements: readonly PrismaStatement[]): Block[] {
  const candidates = statements.filter((s) => sourceLines.includes(s.line));
  const used = new Set<PrismaStatement>();
  const blocks: Block[] = [];
  for (let i = 0; i < body.length; ) {
    const same = candidates.find((c) => !used.has(c) && startsWith(body, i, c.compiled));
    if (same) {
      used.add(same);
      blocks.push({ ...(same.label ? { label: same.label } : {}), sql: same.sql, source: same.line, rewritten: false });
      i += same.compiled.length;
      continue;
    }
    // a rewrite: attributed to the first source statement not written verbatim yet
    const from = candidates.find((c) => !used.has(c)) ?? candidates[0];
    blocks.push({ ...(from?.label ? { label: from.label } : {}), sql: body[i]!, ...(from ? { source: from.line } : {}), rewritten: true });
    i++;
  }
  return blocks;
}
