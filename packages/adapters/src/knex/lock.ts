/**
 * knex's migration lock: the single row of `<table>_lock`, set to 1 while a batch runs. Taking it keeps a
 * concurrent `knex migrate:latest` from running the same migration while dbm runs it, as between two knexes.
 */
import type { Knex } from 'knex';
import type { KnexTable } from './options.js';

function lockTable(q: Knex, t: KnexTable): Knex.QueryBuilder {
  const table = `${t.tableName}_lock`;
  return t.schemaName ? q(table).withSchema(t.schemaName) : q(table);
}

/** Sets is_locked from 0 to 1, failing (as knex does) when it is already 1. */
export async function takeKnexLock(q: Knex, t: KnexTable): Promise<void> {
  const changed = await lockTable(q, t).where('is_locked', '=', 0).update({ is_locked: 1 });
  if (changed !== 1) {
    throw new Error(
      `knex's migration lock is held (${t.tableName}_lock.is_locked = 1): a knex migrate is running, ` +
        `or one crashed; if none is running, release it with: knex migrate:unlock`,
    );
  }
}

/** Sets is_locked back to 0. */
export async function freeKnexLock(q: Knex, t: KnexTable): Promise<void> {
  await lockTable(q, t).update({ is_locked: 0 });
}
