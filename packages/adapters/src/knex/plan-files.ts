/**
 * A safe plan → knex migration files, one per step: a knex file is one transaction (or none), so a step
 * that must run outside a transaction, or in a transaction of its own (VALIDATE after NOT VALID), is a
 * file of its own, and knex records each file as it completes: a failed step resumes where it stopped.
 * `up` is the step in builder code, `down` its reverse (or an error saying why it has none).
 */
import { createIndex, dropIndex, invertAll, parsePostgres, type Operation, type Plan, type Step } from '@dbm/core';
import { bodyLines } from './body.js';
import { operationItems } from './builder.js';
import { constraintKey, type BuildContext, type ConstraintKind } from './item.js';
import { jsString } from './js.js';
import { migrationFile, type MigrationStyle } from './write.js';

/** Where the plan came from, for the files' headers. */
export interface PlanSource {
  /** e.g. "change.sql", or "the difference between the database and schema.sql". */
  readonly label: string;
  /** Comment lines for the first file's header (the diff a --from-schema plan came from). */
  readonly preface?: readonly string[];
  /**
   * Reverses the source knows and a statement alone does not say (the index a DROP INDEX drops, the default
   * a SET DEFAULT replaces), by the line its statement starts on: --from-schema reads them from the catalogs.
   */
  readonly reverses?: ReadonlyMap<number, readonly string[]>;
}

/** The operations of a step's statements. */
function opsOf(statements: readonly string[]): Operation[] {
  return statements.flatMap((s) => parsePostgres(s).statements.flatMap((st) => st.ops));
}

const KIND: Partial<Record<Operation['kind'], ConstraintKind>> = { addForeignKey: 'foreign', addCheck: 'check', addUnique: 'unique', addPrimaryKey: 'primary' };

/** The constraints the plan adds, by key, so a reverse drops each with knex's method for its kind. */
function buildContext(plan: Plan): BuildContext {
  const constraints = new Map<string, ConstraintKind>();
  for (const op of plan.steps.flatMap((s) => opsOf(s.statements))) {
    const kind = KIND[op.kind];
    if (kind && 'name' in op && typeof op.name === 'string' && 'table' in op) constraints.set(constraintKey(op.table, op.name), kind);
  }
  return { constraints };
}

/** Why knex must run a step outside a transaction, for the comment above `config`. */
function whyOutside(step: Step): string {
  const body = step.statements.join('\n');
  if (/\bCONCURRENTLY\b/i.test(body)) return 'CONCURRENTLY cannot run inside a transaction: knex runs this file without one';
  if (/^\s*DO\b/im.test(body)) return 'the backfill commits after each batch: knex runs this file without a transaction';
  return 'this statement cannot run inside a transaction: knex runs this file without one';
}

/**
 * The operations to write for a step. Outside a transaction knex may send each statement on another pooled
 * connection, so a session SET would stay behind on one connection: the SETs are left out there (dbm's apply
 * sets its timeouts on every connection, and CONCURRENTLY needs none).
 */
function stepOps(statements: readonly string[], transactional: boolean): Operation[] {
  const ops = opsOf(statements);
  return transactional ? ops : ops.filter((op) => op.kind !== 'setting').flatMap(clearingLeftover);
}

/**
 * A failed CREATE INDEX CONCURRENTLY leaves an INVALID index behind, and knex has not recorded the file, so
 * the next run would stop at "already exists": the file drops a leftover of that name first.
 */
function clearingLeftover(op: Operation): Operation[] {
  if (op.kind !== 'createIndex' || !op.concurrently || op.name === undefined || op.ifNotExists) return [op];
  const index = { ...(op.table.schema ? { schema: op.table.schema } : {}), name: op.name };
  return [dropIndex({ index, concurrently: true, ifExists: true, cascade: false }), op];
}

/**
 * The reverse the source gives for a step the planner could not reverse: only when every line of the step
 * has one and no other step comes from those lines (so the step is those statements, not a part of them).
 */
function sourceReverse(plan: Plan, step: Step, source: PlanSource): string[] | undefined {
  const known = source.reverses;
  if (!known || !step.lines.length || !step.lines.every((l) => known.has(l))) return undefined;
  if (plan.steps.some((other) => other !== step && other.lines.some((l) => step.lines.includes(l)))) return undefined;
  const timeouts = step.statements.filter((x) => /^SET (LOCAL )?(lock|statement)_timeout\b/i.test(x));
  return [...timeouts, ...[...step.lines].sort((a, b) => b - a).flatMap((l) => known.get(l)!)];
}

/** Outside a transaction an index is built and dropped CONCURRENTLY, as the planner does going up. */
function concurrentIndexes(op: Operation): Operation {
  if (op.kind === 'createIndex') return createIndex({ ...op, concurrently: true });
  if (op.kind === 'dropIndex') return dropIndex({ ...op, concurrently: true });
  return op;
}

function downLines(plan: Plan, step: Step, ctx: BuildContext, source: PlanSource): string[] {
  const known = step.reverse === null ? sourceReverse(plan, step, source) : undefined;
  if (known) {
    const ops = stepOps(known, step.transactional).map((op) => (step.transactional ? op : concurrentIndexes(op)));
    return bodyLines(ops.flatMap((op) => operationItems(op, ctx)));
  }
  if (step.reverse === null) {
    const inv = invertAll(opsOf(step.statements));
    const reason = inv.reversible ? 'the safety pass has no reverse for it' : inv.reason;
    return [`  throw new Error(${jsString(`dbm cannot undo this migration: ${reason}. Restore from a backup, or write the reverse here.`)});`];
  }
  const ops = stepOps(step.reverse, step.transactional);
  // a reverse that only sets timeouts does nothing
  if (ops.every((op) => op.kind === 'setting')) return [];
  return bodyLines(ops.flatMap((op) => operationItems(op, ctx)));
}

/** The header of one file. */
function header(plan: Plan, step: Step, i: number, source: PlanSource): string[] {
  const n = plan.steps.length;
  const lines = [`Generated by dbm from ${source.label}${n > 1 ? `, part ${i + 1} of ${n}` : ''}.`];
  if (i === 0 && source.preface?.length) lines.push(...source.preface);
  const from = step.lines.length ? ` (line${step.lines.length > 1 ? 's' : ''} ${step.lines.join(', ')})` : '';
  lines.push(`${step.comment}${from}`.replace(/\s*\n\s*/g, ' '));
  if (!step.transactional && step.statements.some((x) => /^CREATE (UNIQUE )?INDEX CONCURRENTLY "/.test(x))) {
    lines.push('A failed build leaves an INVALID index behind: up drops it first, so running the file again works.');
  }
  for (const note of plan.notes.filter((x) => step.lines.includes(x.line))) {
    lines.push('', `dbm ${note.severity === 'error' ? 'needs a plan' : 'note'}: ${note.message}`.replace(/\s*\n\s*/g, ' '));
    lines.push(...note.plan.map((p, k) => `  ${k + 1}. ${p}`.replace(/\s*\n\s*/g, ' ')));
  }
  return lines;
}

/** The text of each file of the plan, in order. */
export function planFiles(plan: Plan, style: MigrationStyle, source: PlanSource): string[] {
  const ctx = buildContext(plan);
  return plan.steps.map((step, i) =>
    migrationFile(style, {
      header: header(plan, step, i, source),
      ...(step.transactional ? {} : { outsideTransaction: whyOutside(step) }),
      up: bodyLines(stepOps(step.statements, step.transactional).flatMap((op) => operationItems(op, ctx))),
      down: downLines(plan, step, ctx, source),
    }),
  );
}
