/**
 * The database side of a translation, in ONE transaction: the statements that align default spellings
 * (TypeORM only), the baseline recorded as applied in the target ORM's ledger exactly as that ORM records
 * a migration it ran (its ledger class: checksum, journal `when`, batch 1…), and, with
 * `--drop-old-ledger`, the source ORM's ledger dropped. The files move into place before COMMIT, so a
 * failure on either side leaves neither.
 */
import { ident } from '@dbm/core';
import type { Ledger, MigrationSource } from '@dbm/core';
import type pg from 'pg';
import { companions, qualifiedLedger } from './ledger-tables.js';

/** What to do in the database. */
export interface RecordPlan {
  readonly align: readonly string[];
  readonly ledger: Ledger;
  readonly source: MigrationSource;
  /** The source ledger to drop (`--drop-old-ledger`). */
  readonly dropOld?: Ledger;
}

const quoted = (qualified: string) => {
  const dot = qualified.indexOf('.');
  return `${ident(qualified.slice(0, dot))}.${ident(qualified.slice(dot + 1))}`;
};

/** The DROP statements for a ledger and its companion tables (and drizzle's schema when nothing else is in it). */
export function dropLedgerStatements(ledger: Ledger): string[] {
  return [qualifiedLedger(ledger.table), ...companions(ledger.orm, ledger.table)].map((t) => `DROP TABLE IF EXISTS ${quoted(t)}`);
}

/** A description of what {@link recordBaseline} will do, for --dry-run. */
export function describeRecord(plan: RecordPlan): string[] {
  return [
    ...plan.align,
    `record ${plan.source.name} as applied in ${plan.ledger.table} (created if missing)`,
    ...(plan.dropOld ? dropLedgerStatements(plan.dropOld) : []),
  ];
}

async function dropEmptySchema(client: pg.ClientBase, ledger: Ledger): Promise<void> {
  const schema = qualifiedLedger(ledger.table).split('.')[0]!;
  if (schema === 'public') return;
  const { rows } = await client.query<{ used: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = n.oid) OR EXISTS (SELECT 1 FROM pg_type WHERE typnamespace = n.oid)
       OR EXISTS (SELECT 1 FROM pg_proc WHERE pronamespace = n.oid) AS used FROM pg_namespace n WHERE n.nspname = $1`,
    [schema],
  );
  if (rows[0] && !rows[0].used) await client.query(`DROP SCHEMA ${ident(schema)}`);
}

/** Runs the plan in one transaction; `beforeCommit` (moving the files into place) runs last inside it. */
export async function recordBaseline(client: pg.ClientBase, plan: RecordPlan, beforeCommit: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    // the alignment takes a brief ACCESS EXCLUSIVE lock per table: never wait long behind other sessions
    await client.query(`SET LOCAL lock_timeout = '5s'`);
    for (const sql of plan.align) await client.query(sql);
    await plan.ledger.ensure(client);
    await plan.ledger.start(client, plan.source);
    await plan.ledger.finish(client, plan.source, { appliedSteps: 1 });
    if (plan.dropOld) {
      for (const sql of dropLedgerStatements(plan.dropOld)) await client.query(sql);
      await dropEmptySchema(client, plan.dropOld);
    }
    await beforeCommit();
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
