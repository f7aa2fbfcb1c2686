/** A plan as an annotated SQL script, runnable with psql in autocommit mode. */
import type { Plan, Step } from './types.js';

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ');

/** Why a step runs outside a transaction, read from its statements. */
function whyNonTransactional(step: Step): string {
  const body = step.statements.join('\n');
  if (/\bCONCURRENTLY\b/i.test(body)) return 'CONCURRENTLY cannot run in a transaction';
  if (/^\s*DO\b/im.test(body)) return 'the backfill commits after each batch';
  if (/^\s*VACUUM\b/im.test(body)) return 'VACUUM cannot run in a transaction';
  return 'this statement cannot run in a transaction';
}

function header(step: Step, i: number, total: number): string {
  const kind = step.transactional ? 'transactional' : `non-transactional (${whyNonTransactional(step)})`;
  const lines = step.lines.length ? `\n-- from line${step.lines.length > 1 ? 's' : ''} ${step.lines.join(', ')}` : '';
  return `-- step ${i + 1}/${total}: ${kind} — ${oneLine(step.comment)}${lines}`;
}

function stepSql(step: Step, i: number, total: number): string {
  const body = step.statements.map((s) => `${s};`);
  return [header(step, i, total), ...(step.transactional ? ['BEGIN;', ...body, 'COMMIT;'] : body)].join('\n');
}

/**
 * The annotated script of a plan: a header comment per step, BEGIN/COMMIT around transactional steps,
 * what changed at the top, and the notes (with their expand/contract plans) as comments at the end.
 */
export function renderPlanSql(plan: Plan): string {
  const total = plan.steps.length;
  const top = [`-- dbm fix: ${total} step${total === 1 ? '' : 's'}`, ...plan.changes.map((c) => `-- changed (line ${c.line}): ${oneLine(c.what)}`)];
  const notes = plan.notes.flatMap((n) => [
    `-- ${n.severity} (line ${n.line}): ${oneLine(n.message)}`,
    ...n.plan.map((p) => `--   ${oneLine(p)}`),
  ]);
  const unmodelled = plan.unmodelled.map((u) => `-- kept verbatim (line ${u.line}): not modelled by dbm`);
  const tail = [...notes, ...unmodelled];
  return [
    top.join('\n'),
    ...plan.steps.map((s, i) => stepSql(s, i, total)),
    ...(tail.length ? [['-- notes', ...tail].join('\n')] : []),
  ].join('\n\n') + '\n';
}
