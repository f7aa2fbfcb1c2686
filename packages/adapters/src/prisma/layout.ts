/**
 * A safety plan laid out as Prisma migration folders: one folder per unit (see units.ts), named
 * `<stamp>_<name>`, then `<stamp+1s>_<name>_2`, ..., each with its migration.sql in Prisma's layout and
 * the unit's reverse statements as down.sql (none when the unit cannot be undone from its SQL), plus
 * what the safety pass changed and what it could not make safe, located in the written files.
 */
import { lintSql, type ParsedFile, type Plan, type PlanOptions } from '@dbm/core';
import type { GenerateResult } from '../orm-adapter.js';
import { renderDown, renderMigration } from './render.js';
import { unitsOfPlan, type Unit } from './units.js';

/** One migration folder to write. */
export interface MigrationDraft {
  readonly name: string;
  readonly sql: string;
  /** down.sql; absent when the unit cannot be undone from its SQL. */
  readonly downSql?: string;
  readonly transactional: boolean;
}

/** The folders, with what the safety pass changed and what it could not make safe. */
export interface PrismaLayout {
  readonly drafts: MigrationDraft[];
  readonly changes: GenerateResult['changes'][number][];
  readonly notes: GenerateResult['notes'][number][];
}

/** What to lay out. */
export interface LayoutInput {
  /** Prisma's script, and the same parsed. */
  readonly script: string;
  readonly parsed: ParsedFile;
  readonly plan: Plan;
  /** The options the plan was made with (units are planned again on their own with them). */
  readonly options?: PlanOptions;
  /** The folder name of the i-th folder (0-based). */
  readonly names: (index: number) => string;
}

/** Why a folder after the first exists, for its header and for the change list. */
function whyOwnFolder(u: Unit): string {
  return u.transactional
    ? 'its own migration, because Prisma runs each migration.sql in one transaction and this step must commit separately'
    : 'its own migration with nothing else in it, because this statement cannot run inside a transaction and Prisma runs each migration.sql in one';
}

/** The error-level lint rules a down statement trips on its own (a DROP of what the migration created). */
function downHazards(statement: string): string[] {
  const { diagnostics } = lintSql(`${statement};`);
  return [...new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule))];
}

const shorten = (text: string, n: number) => {
  const one = text.replace(/\s*\n\s*/g, ' ');
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

/** Lays the plan out as Prisma migration folders. */
export function layoutPlan(input: LayoutInput): PrismaLayout {
  const units = unitsOfPlan(input.script, input.parsed, input.plan, input.options);
  const drafts: MigrationDraft[] = [];
  const changes: PrismaLayout['changes'] = [];
  const notes: PrismaLayout['notes'] = [];
  units.forEach((u, i) => {
    const name = input.names(i);
    const header = units.length > 1 ? [`part ${i + 1} of ${units.length}: ${u.comment}`, ...(i > 0 ? [whyOwnFolder(u)] : [])] : [];
    const comments = new Map<number, string[]>();
    for (const r of u.remarks) if (r.block !== undefined && !r.wide) comments.set(r.block, [...(comments.get(r.block) ?? []), r.what]);
    const r = renderMigration({ header, timeouts: u.timeouts, blocks: u.blocks, comments });
    drafts.push({ name, sql: r.sql, ...(u.reverse ? { downSql: renderDown(name, u.reverse, downHazards) } : {}), transactional: u.transactional });
    const lineOf = (block: number | undefined) => (block !== undefined ? r.lines[block]! : r.timeoutLine ?? r.lines[0] ?? 1);
    if (i > 0) changes.push({ migration: name, line: 1, what: `${u.comment} — ${whyOwnFolder(u)}` });
    for (const x of u.remarks) changes.push({ migration: name, line: lineOf(x.wide ? undefined : x.block), what: x.what });
    for (const n of u.notes) notes.push({ migration: name, line: lineOf(n.block), severity: n.severity, message: n.message, plan: [...n.plan] });
    if (!u.reverse) {
      notes.push({
        migration: name,
        line: r.lines[0] ?? 1,
        severity: 'warning',
        message: `no down.sql for ${name}: ${shorten(u.blocks.map((b) => b.sql).join('; '), 120)} cannot be undone from its SQL alone`,
        plan: [
          'dbm rollback restores a dropped table or column from the backup dbm apply keeps, and refuses what it cannot undo',
          `or write ${name}/down.sql yourself`,
        ],
      });
    }
  });
  return { drafts, changes, notes };
}
