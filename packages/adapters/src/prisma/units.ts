/**
 * A safety plan cut into what Prisma can run: one unit per migration folder. Prisma runs each
 * migration.sql as one script, i.e. in one transaction, so every plan step is a unit of its own, and a
 * step that must run outside a transaction is one unit per statement with nothing else in it (PostgreSQL
 * runs a multi-statement script in one implicit transaction). Each unit must also run as planned when
 * `dbm apply` plans its folder on its own (see {@link acknowledge}).
 */
import { lintSql, parsePostgres, planFix, type ParsedFile, type Plan, type PlanOptions, type Step } from '@dbm/core';
import { blockText, prismaStatements, stepBlocks, type Block } from './blocks.js';

/** What the safety pass changed, attached to a block of a unit (or to its timeouts / top when `block` is absent). */
export interface Remark {
  readonly block?: number;
  readonly what: string;
  /** The plan-wide change (every step sets lock_timeout): said at the timeouts. */
  readonly wide?: boolean;
}

/** A hazard the plan could not make safe, attached like a {@link Remark}. */
export interface UnitNote {
  readonly block?: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly plan: readonly string[];
}

/** One migration folder's worth of a plan. */
export interface Unit {
  readonly transactional: boolean;
  /** Why the step exists (the plan's comment). */
  readonly comment: string;
  /** The timeout statements the step starts with (transactional units only). */
  readonly timeouts: readonly string[];
  readonly blocks: readonly Block[];
  /** The statements undoing the unit; null when it cannot be undone from its SQL. */
  readonly reverse: readonly string[] | null;
  readonly remarks: Remark[];
  readonly notes: UnitNote[];
}

const TIMEOUT = /^SET\s+(LOCAL\s+)?(lock_timeout|statement_timeout)\b/i;

/** The planner's one change that concerns every step rather than a statement: the lock_timeout each sets. */
export const planWide = (what: string) => /^every step sets lock_timeout/.test(what);

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ');

/** The step's leading timeout statements and the rest. */
function splitTimeouts(step: Step): { timeouts: string[]; body: string[] } {
  const n = step.statements.findIndex((s) => !TIMEOUT.test(s));
  const at = n < 0 ? step.statements.length : n;
  return { timeouts: step.statements.slice(0, at), body: step.statements.slice(at) };
}

/** The units of one step: a transactional step whole; a non-transactional one statement by statement, without session settings. */
function stepUnits(step: Step, statements: ReturnType<typeof prismaStatements>): Unit[] {
  const { timeouts, body } = splitTimeouts(step);
  const blocks = stepBlocks(body, step.lines, statements);
  const base = { transactional: step.transactional, comment: oneLine(step.comment) };
  if (step.transactional) return [{ ...base, timeouts, blocks, reverse: step.reverse, remarks: [], notes: [] }];
  // the whole step's undo goes with its first statement, which is rolled back last
  return blocks.map((b, i) => ({ ...base, timeouts: [], blocks: [b], reverse: i === 0 ? step.reverse : [], remarks: [], notes: [] }));
}

/**
 * Where a line of the planned script ended up: the first block written from it, else the first unit of
 * the first step made from it (`stepOf[i]` is the step unit i comes from).
 */
function locate(units: readonly Unit[], stepOf: readonly Step[], line: number): { unit: number; block?: number } {
  for (const [unit, u] of units.entries()) {
    const block = u.blocks.findIndex((b) => b.source === line);
    if (block >= 0) return { unit, block };
  }
  return { unit: Math.max(0, stepOf.findIndex((step) => step.lines.includes(line))) };
}

/** The plan's units, with its changes, notes and unmodelled statements attached to their blocks. */
function planUnits(script: string, parsed: ParsedFile, plan: Plan): Unit[] {
  const statements = prismaStatements(script, parsed);
  const units: Unit[] = [];
  const stepOf: Step[] = [];
  for (const step of plan.steps) {
    for (const u of stepUnits(step, statements)) {
      units.push(u);
      stepOf.push(step);
    }
  }
  if (!units.length) return units;
  const withTimeouts = Math.max(0, units.findIndex((u) => u.timeouts.length > 0));
  for (const c of plan.changes) {
    if (planWide(c.what)) units[withTimeouts]!.remarks.push({ what: oneLine(c.what), wide: true });
    else {
      const at = locate(units, stepOf, c.line);
      units[at.unit]!.remarks.push({ ...(at.block !== undefined ? { block: at.block } : {}), what: oneLine(c.what) });
    }
  }
  for (const n of plan.notes) {
    const at = locate(units, stepOf, n.line);
    units[at.unit]!.notes.push({ ...(at.block !== undefined ? { block: at.block } : {}), severity: n.severity, message: n.message, plan: n.plan });
  }
  for (const x of plan.unmodelled) {
    const at = locate(units, stepOf, x.line);
    units[at.unit]!.notes.push({
      ...(at.block !== undefined ? { block: at.block } : {}),
      severity: 'warning',
      message: `kept as written, not modelled by dbm: ${oneLine(x.statement).slice(0, 120)}`,
      plan: ['review it by hand'],
    });
  }
  return units;
}

/** A unit's statements as a script of their own (labels and acknowledgements kept), with the line each statement starts on. */
function unitScript(blocks: readonly Block[]): { script: string; lines: number[] } {
  const lines: number[] = [];
  let line = 1;
  const parts = blocks.map((b) => {
    const text = blockText(b);
    lines.push(line + text.length - b.sql.split('\n').length);
    line += text.length + 1;
    return text.join('\n');
  });
  return { script: `${parts.join('\n\n')}\n`, lines };
}

/** The lines of the statements that planning the blocks on their own, as `dbm apply` plans a folder, would rewrite. */
function rewrittenAlone(blocks: readonly Block[], options: PlanOptions): Set<number> {
  const plan = planFix(parsePostgres(unitScript(blocks).script), options);
  return new Set(plan.changes.filter((c) => !planWide(c.what)).map((c) => c.line));
}

/**
 * A unit whose statements `dbm apply` would rewrite when it plans the folder alone: the plan made them
 * safe by what an earlier folder of this generate did (the validated CHECK before a SET NOT NULL, a table
 * it created and nothing has written to yet), which a planner seeing one folder cannot know. The lint
 * errors those statements trip on their own are acknowledged above them with the plan's reason, so the
 * folder runs as planned; nothing else is acknowledged. (Non-transactional units are single statements
 * in their safe form already.)
 */
function acknowledge(u: Unit, options: PlanOptions): Unit {
  if (!u.transactional) return u;
  const rewritten = rewrittenAlone(u.blocks, options);
  if (!rewritten.size) return u;
  const { script, lines } = unitScript(u.blocks);
  const errors = lintSql(script, options.pgVersion ? { pgVersion: options.pgVersion } : {}).diagnostics.filter((d) => d.severity === 'error');
  const blocks = u.blocks.map((b, i) => {
    if (!rewritten.has(lines[i]!)) return b;
    const rules = [...new Set(errors.filter((d) => d.line === lines[i]).map((d) => d.rule))];
    return rules.length ? { ...b, acknowledged: { rules, why: `safe as planned for the whole migration (${u.comment}), which this folder alone does not show` } } : b;
  });
  if (!rewrittenAlone(blocks, options).size) return { ...u, blocks };
  u.notes.push({
    severity: 'warning',
    message: `dbm apply plans this migration again on its own and will run it differently from what is written: ${u.comment}`,
    plan: ['review it with dbm apply --dry-run'],
  });
  return u;
}

/** The units of a plan of Prisma's script, each one what `dbm apply` runs for its folder. */
export function unitsOfPlan(script: string, parsed: ParsedFile, plan: Plan, options: PlanOptions = {}): Unit[] {
  return planUnits(script, parsed, plan).map((u) => acknowledge(u, options));
}
