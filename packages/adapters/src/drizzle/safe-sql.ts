/**
 * The safety pass over drizzle-kit's statements, and its result laid out as a drizzle migration file.
 * Each step of the plan is written as its statements, without the lock_timeout / statement_timeout
 * settings the planner opens it with (dbm apply sets those per step; in the file, drizzle's migrator
 * would keep them for its whole session). `dbm apply` plans the file again, so a statement is only
 * written in its safe form when planning the file again runs it the same way; otherwise (a batched
 * backfill commits per batch, which a migration statement cannot) the source statement is written as
 * drizzle-kit generated it, and dbm apply turns it into its safe form when it runs.
 */
import { compilePostgres, parsePostgres, planFix, type ParsedFile, type Plan, type Step } from '@dbm/core';
import { DRIZZLE_BREAKPOINT } from './read.js';

/** One statement of the file to write. */
interface Entry {
  /** As written: drizzle-kit's text when the safety pass left the statement as it was. */
  readonly sql: string;
  /** As the planner renders it (undefined for a statement written as generated), to compare with a new plan. */
  readonly planned?: string;
  /** Source lines (of the generated SQL) it comes from. */
  readonly lines: readonly number[];
  /** How the plan runs it; undefined for a statement written as generated. */
  readonly transactional?: boolean;
}

/** The written migration and what the safety pass did, located in the written file. */
export interface SafeDrizzleMigration {
  /** The .sql file's text. */
  readonly sql: string;
  /** Statements in the file, in order: the line each starts on, and whether the plan runs it in a transaction (undefined: as generated). */
  readonly statements: readonly { readonly sql: string; readonly line: number; readonly transactional?: boolean }[];
  /** The down file's statements in order, or undefined when some step cannot be undone. */
  readonly down?: readonly string[];
  /** Source lines written as generated, because their safe form cannot be written back. */
  readonly keptAsGenerated: readonly number[];
  readonly plan: Plan;
  /** The line of the written file a line of the generated SQL ended up on. */
  readonly lineOf: (generatedLine: number) => number;
}

const TIMEOUT = /^SET\s+(LOCAL\s+)?(lock_timeout|statement_timeout)\b/i;

/** A step's statements without the timeouts it opens with. */
function body(statements: readonly string[]): string[] {
  let i = 0;
  while (i < statements.length && TIMEOUT.test(statements[i]!)) i++;
  return statements.slice(i);
}

/** drizzle-kit's layout: `;` after each statement, a newline after a multi-line one, the breakpoint marker between. */
export function drizzleFileText(statements: readonly string[], breakpoints: boolean): string {
  const parts = statements.map((s) => `${s};${s.includes('\n') ? '\n' : ''}`);
  return parts.join(breakpoints ? `${DRIZZLE_BREAKPOINT}\n` : '\n');
}

/** The planner's rendering of a source statement it would keep as it is (one operation), if any. */
function rendered(parsed: ParsedFile): Map<string, string[]> {
  const byLine = new Map<string, string[]>();
  for (const s of parsed.statements) {
    if (s.ops.length !== 1) continue;
    const key = `${s.loc.line}\u0000${compilePostgres(s.ops[0]!)}`;
    byLine.set(key, [...(byLine.get(key) ?? []), s.sql]);
  }
  return byLine;
}

function entries(plan: Plan, parsed: ParsedFile, kept: ReadonlySet<number>): Entry[] {
  const out: Entry[] = [];
  const written = new Set<number>();
  const unchanged = rendered(parsed);
  for (const step of plan.steps) {
    if (!step.lines.some((l) => kept.has(l))) {
      for (const planned of body(step.statements)) {
        // a statement the safety pass did not change keeps drizzle-kit's own text
        const original = step.lines.map((l) => unchanged.get(`${l}\u0000${planned}`)).find((list) => list?.length)?.shift();
        out.push({ sql: original ?? planned, planned, lines: step.lines, transactional: step.transactional });
      }
      continue;
    }
    for (const line of [...step.lines].sort((a, b) => a - b)) {
      if (written.has(line)) continue;
      written.add(line);
      for (const s of parsed.statements) if (s.loc.line === line) out.push({ sql: s.sql, lines: [line] });
    }
  }
  return out;
}

/** The source lines of planned statements that planning the written file again would run differently (or not at all). */
function unstable(list: readonly Entry[], breakpoints: boolean, options: { pgVersion?: number }): number[] {
  const again = planFix(parsePostgres(drizzleFileText(list.map((e) => e.sql), breakpoints)), options);
  const modes = new Map<string, boolean[]>();
  for (const step of again.steps) for (const sql of body(step.statements)) modes.set(sql, [...(modes.get(sql) ?? []), step.transactional]);
  const bad: number[] = [];
  for (const e of list) {
    if (e.transactional === undefined || e.planned === undefined) continue;
    const seen = modes.get(e.planned) ?? [];
    const at = seen.indexOf(e.transactional);
    if (at < 0) bad.push(...e.lines);
    else seen.splice(at, 1);
  }
  return bad;
}

function downOf(steps: readonly Step[]): string[] | undefined {
  if (steps.some((s) => s.reverse === null)) return undefined;
  return [...steps].reverse().flatMap((s) => body(s.reverse ?? []));
}

/**
 * Plans drizzle-kit's statements and lays the safe form out as a drizzle migration. The PostgreSQL
 * parser must be loaded (`loadPostgresParser`).
 */
export function safeDrizzleMigration(generated: readonly string[], o: { breakpoints: boolean; pgVersion?: number; file?: string }): SafeDrizzleMigration {
  // drizzle-kit's own layout: its statements end in `;`, the marker goes on the line after
  const source = generated.join(o.breakpoints ? `${DRIZZLE_BREAKPOINT}\n` : '\n');
  const parsed = parsePostgres(source, o.file);
  const expected = generated.reduce((n, s) => n + parsePostgres(s).statements.length, 0);
  if (parsed.statements.length !== expected) {
    // never lose a statement silently (a marker swallowing the next line would)
    throw new Error(`drizzle-kit's ${expected} statements read back as ${parsed.statements.length}: not writing a migration that differs from them`);
  }
  const options = o.pgVersion ? { pgVersion: o.pgVersion } : {};
  const plan = planFix(parsed, options);
  const kept = new Set<number>();
  let list = entries(plan, parsed, kept);
  // each round keeps at least one more source line as generated, so this ends
  for (let bad = unstable(list, o.breakpoints, options); bad.length; bad = unstable(list, o.breakpoints, options)) {
    for (const l of bad) kept.add(l);
    list = entries(plan, parsed, kept);
  }
  const sql = drizzleFileText(list.map((e) => e.sql), o.breakpoints);
  // the line each statement starts on: count the newlines of the text written before it
  const starts = list.map((_, i) => drizzleFileText([...list.slice(0, i).map((e) => e.sql), ''], o.breakpoints).split('\n').length);
  const lineOf = (generatedLine: number) => {
    const i = list.findIndex((e) => e.lines.includes(generatedLine));
    return i < 0 ? 1 : starts[i]!;
  };
  // a statement kept as generated runs as the same steps (dbm apply plans it the same way): the plan's reverses still hold
  const down = downOf(plan.steps);
  return {
    sql,
    statements: list.map((e, i) => ({ sql: e.sql, line: starts[i]!, ...(e.transactional === undefined ? {} : { transactional: e.transactional }) })),
    ...(down ? { down } : {}),
    keptAsGenerated: [...kept].sort((a, b) => a - b),
    plan,
    lineOf,
  };
}
