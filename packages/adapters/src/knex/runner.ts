/**
 * Runs one knex migration the way `knex migrate:latest` / `migrate:rollback` runs it: `up(trx)` (or
 * `down(trx)`) and the knex_migrations insert (or delete) in one transaction, under knex's lock; a migration
 * whose `config.transaction` is false runs on the plain instance, the row written after it, as knex does.
 */
import type { Knex } from 'knex';
import type { CodeRunContext, CodeRunner } from '@dbm/core';
import { CodeMigrationError } from '../code/migration-error.js';
import { openKnex } from './instance.js';
import { freeKnexLock, takeKnexLock } from './lock.js';
import { knexUsesTransaction, loadKnexMigration, type KnexMigrationModule } from './module.js';
import { knexTable, type KnexMigrationOptions, type KnexTable } from './options.js';
import { renderKnexMigration } from './render.js';

type Direction = 'up' | 'down';

function ledgerTable(q: Knex, t: KnexTable): Knex.QueryBuilder {
  return t.schemaName ? q(t.tableName).withSchema(t.schemaName) : q(t.tableName);
}

// the bookkeeping knex does after a migration ran: insert on up, delete on down
async function record(q: Knex, t: KnexTable, direction: Direction, name: string, batch: number): Promise<void> {
  if (direction === 'up') await ledgerTable(q, t).insert({ name, batch, migration_time: new Date() });
  else await ledgerTable(q, t).where({ name }).del();
}

async function runInTransaction(db: Knex, t: KnexTable, mod: KnexMigrationModule, direction: Direction, name: string, batch: number): Promise<void> {
  await db.transaction(async (trx) => {
    await takeKnexLock(trx, t);
    await mod[direction](trx);
    await record(trx, t, direction, name, batch);
    await freeKnexLock(trx, t);
  });
}

async function runWithoutTransaction(db: Knex, t: KnexTable, mod: KnexMigrationModule, direction: Direction, name: string, batch: number): Promise<void> {
  // knex commits the lock in its own short transaction, then frees it whether the migration succeeds or not
  await db.transaction((trx) => takeKnexLock(trx, t));
  try {
    await mod[direction](db);
    await record(db, t, direction, name, batch);
  } catch (e) {
    // the migration's error is the one to report, not a failure to unlock after it
    await freeKnexLock(db, t).catch(() => undefined);
    throw e;
  }
  await freeKnexLock(db, t);
}

/** A {@link CodeRunner} for the knex migration in `file` (recorded under `name`, its file name). */
export function knexRunner(file: string, name: string, options: KnexMigrationOptions = {}): CodeRunner {
  const t = knexTable(options);
  const run = async (direction: Direction, ctx: CodeRunContext): Promise<void> => {
    let db: Knex | undefined;
    try {
      const mod = await loadKnexMigration(file, name);
      db = await openKnex(ctx);
      if (knexUsesTransaction(mod, options.disableTransactions)) await runInTransaction(db, t, mod, direction, name, ctx.batch);
      else await runWithoutTransaction(db, t, mod, direction, name, ctx.batch);
    } catch (e) {
      throw new CodeMigrationError('knex', name, direction, e, ctx.url);
    } finally {
      await db?.destroy().catch(() => undefined);
    }
  };
  return {
    up: (ctx) => run('up', ctx),
    down: (ctx) => run('down', ctx),
    render: async (direction) => renderKnexMigration(await loadKnexMigration(file, name), direction),
    transactional: async () => knexUsesTransaction(await loadKnexMigration(file, name), options.disableTransactions),
  };
}
