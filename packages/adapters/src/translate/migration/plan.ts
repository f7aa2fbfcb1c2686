/**
 * A source migration made ready for any writer: its up statements parsed, its down (the source's own, or
 * derived), whether it can run inside a transaction, and the warnings every target shares. Transaction
 * control (BEGIN/COMMIT) is left out for ORM targets, which run each migration in a transaction of their
 * own, with a warning naming it; a plain SQL target keeps it.
 */
import type { ParsedStatement } from '@dbm/core';
import { deriveDown, type DownEntry, type Statement } from './down.js';
import type { SourceMigration } from './source.js';
import { isTransactionControl, outsideTransaction, parseStatements } from './statements.js';
import type { MigrationForm, TranslateMigrationWarning } from './types.js';

/** What every writer gets. */
export interface MigrationPlan {
  readonly source: SourceMigration;
  readonly up: readonly Statement[];
  readonly down: readonly DownEntry[];
  readonly downFrom: 'source' | 'derived';
  /** Whether the migration can run inside one transaction, as the source ran it. */
  readonly transactional: boolean;
  /** Up statements PostgreSQL refuses to run inside a transaction block. */
  readonly outsideTransaction: readonly Statement[];
  readonly warnings: readonly TranslateMigrationWarning[];
}

function withoutTransactionControl(statements: readonly ParsedStatement[], direction: 'up' | 'down', warnings: TranslateMigrationWarning[]): Statement[] {
  return statements.filter((st) => {
    if (!isTransactionControl(st)) return true;
    warnings.push({
      code: 'transaction-control',
      direction,
      sql: st.sql,
      message: `"${st.sql}" is left out: the target runs the migration in a transaction of its own (or outside one when a statement needs that)`,
    });
    return false;
  });
}

/** Parses and prepares `source` for a writer of form `to`. */
export function planMigration(source: SourceMigration, to: MigrationForm): MigrationPlan {
  const warnings: TranslateMigrationWarning[] = [];
  const parsedUp = parseStatements(source.up, source.path);
  const parsedDown = source.down ? parseStatements(source.down, source.path) : undefined;
  const keep = (list: readonly ParsedStatement[], direction: 'up' | 'down') => (to === 'sql' ? [...list] : withoutTransactionControl(list, direction, warnings));
  const up = keep(parsedUp, 'up');
  let down: DownEntry[];
  if (parsedDown) down = keep(parsedDown, 'down').map((statement) => ({ kind: 'statement', statement }));
  else {
    const derived = deriveDown(up, source.label);
    down = derived.entries;
    warnings.push(...derived.warnings);
  }
  const outside = parsedUp.filter(outsideTransaction);
  const downOutside = (parsedDown ?? []).filter(outsideTransaction);
  if (!outside.length && downOutside.length && to !== 'sql') {
    warnings.push({
      code: 'down-mismatch',
      direction: 'down',
      sql: downOutside[0]!.sql,
      message: `the down holds "${downOutside[0]!.sql}", which cannot run inside a transaction: the target runs this whole migration, up included, outside one`,
    });
  }
  const transactional = source.transactional !== false && !outside.length && !downOutside.length;
  return { source, up, down, downFrom: parsedDown ? 'source' : 'derived', transactional, outsideTransaction: outside, warnings };
}
