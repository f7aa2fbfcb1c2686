/**
 * What `dbm generate` tells the user about a drizzle migration: what the safety pass changed (located
 * in the written file) and what it could not do by itself — hazards with their expand/contract plan,
 * statements drizzle-kit's own migrator cannot run, rename questions dbm answered, a missing down file.
 */
import type { GenerateResult } from '../orm-adapter.js';
import type { RenameQuestion } from './diff.js';
import type { SafeDrizzleMigration } from './safe-sql.js';

type Change = GenerateResult['changes'][number];
type Note = GenerateResult['notes'][number];

const LOCK_TIMEOUT = /^every step sets lock_timeout = ('[^']*')/;

/** The start of a statement, for a message. */
const brief = (sql: string) => {
  const line = sql.split('\n')[0]!;
  return line.length > 72 ? `${line.slice(0, 71)}…` : line;
};

function renameNote(migration: string, q: RenameQuestion): Note {
  const what = q.table ? `${q.kind} of ${q.table}` : q.kind;
  return {
    migration,
    line: 1,
    severity: 'warning',
    message:
      `drizzle-kit would ask whether ${q.removed.join(', ')} ${q.removed.length === 1 ? 'was' : 'were'} renamed to ${q.added.join(' or ')} (${what}); ` +
      `dbm does not ask: it created ${q.added.join(', ')} and dropped ${q.removed.join(', ')}, so the data there is not carried over`,
    plan: [
      'if it is a rename: delete this migration, run drizzle-kit generate in a terminal and answer its prompt (dbm apply runs the result safely)',
      'or keep both for a while: add the new one, copy the data, move the code over, drop the old one in a later migration',
    ],
  };
}

/** The changes and notes of one generated migration. */
export function drizzleGenerateReport(migration: string, safe: SafeDrizzleMigration, questions: readonly RenameQuestion[]): Pick<GenerateResult, 'changes' | 'notes'> {
  const kept = new Set(safe.keptAsGenerated);
  const changes: Change[] = safe.plan.changes.map((c) => {
    const timeout = LOCK_TIMEOUT.exec(c.what);
    const what = timeout
      ? `dbm apply sets lock_timeout = ${timeout[1]} before every step and retries a step that times out (not written into the file: drizzle's migrator would keep it for its whole session)`
      : kept.has(c.line)
        ? `at apply time: ${c.what}`
        : c.what;
    return { migration, line: safe.lineOf(c.line), what };
  });
  const notes: Note[] = safe.plan.notes.map((n) => ({ migration, line: safe.lineOf(n.line), severity: n.severity, message: n.message, plan: [...n.plan] }));
  for (const line of safe.keptAsGenerated) {
    notes.push({
      migration,
      line: safe.lineOf(line),
      severity: 'warning',
      message: 'written as drizzle-kit generated it: its safe form (a backfill that commits batch by batch) cannot be a statement of a migration file',
      plan: ['dbm apply runs it in its safe form (the changes listed for this line)', 'drizzle-kit migrate would run it as written'],
    });
  }
  for (const u of safe.plan.unmodelled) {
    notes.push({ migration, line: safe.lineOf(u.line), severity: 'warning', message: 'kept verbatim: dbm does not model this statement, so the safety pass did not check it', plan: ['review it by hand'] });
  }
  const outside = safe.statements.filter((s) => s.transactional === false);
  if (outside.length) {
    notes.push({
      migration,
      line: outside[0]!.line,
      severity: 'warning',
      message:
        `${outside.length} statement${outside.length === 1 ? '' : 's'} must run outside a transaction (${outside.map((s) => brief(s.sql)).join('; ')}): ` +
        "drizzle-kit migrate runs all pending migrations inside one transaction and fails on them; dbm's executor runs them on their own",
      plan: ['apply with dbm apply: it records the migration in the drizzle migrations table exactly as drizzle-kit migrate does', 'drizzle-kit migrate then sees it as applied and skips it'],
    });
  }
  if (!safe.down) {
    const steps = safe.plan.steps.filter((s) => s.reverse === null);
    notes.push({
      migration,
      line: safe.lineOf(steps[0]?.lines[0] ?? 1),
      severity: 'warning',
      message: `no ${migration}.down.sql written: no statement undoes ${steps.map((s) => brief(s.statements.filter((x) => !/^SET\s/i.test(x))[0] ?? s.comment)).join('; ')}`,
      plan: ['dbm rollback derives the down migration itself and restores dropped data from the backups dbm apply keeps', 'or write the down file by hand'],
    });
  }
  notes.push(...questions.map((q) => renameNote(migration, q)));
  return { changes, notes };
}
