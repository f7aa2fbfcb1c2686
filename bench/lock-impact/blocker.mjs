/**
 * The competing reader: a transaction that reads orders and then stays open for `holdMs` (a report
 * query, a slow request, a long-lived ORM transaction). It holds ACCESS SHARE on orders and its indexes
 * (the planner opens them) until it commits. DDL that needs ACCESS EXCLUSIVE (ADD CHECK / UNIQUE,
 * SET NOT NULL, ADD COLUMN, DROP INDEX) queues behind it, and every write that arrives after the DDL
 * queues behind the DDL: the outage lock_timeout is meant to stop. (CREATE INDEX's SHARE and ADD
 * FOREIGN KEY's SHARE ROW EXCLUSIVE do not conflict with ACCESS SHARE: those block writes for the
 * length of their own scan or build instead.)
 */
import { open } from './pg.mjs';

/** Starts the read; resolves once its lock is held, with `done` resolving when it has ended. */
export async function holdRead(url, holdMs) {
  const client = await open(url, 'dbm-bench-reader');
  await client.query('BEGIN');
  await client.query('SELECT id, total FROM orders WHERE id = 1');
  const done = client
    .query('SELECT pg_sleep($1::float8 / 1000)', [holdMs])
    .then(() => client.query('COMMIT'))
    .finally(() => client.end().catch(() => undefined))
    // a reader killed by the Ctrl-C cleanup (DROP DATABASE ... WITH (FORCE)) is no error of the run
    .catch(() => undefined);
  return { done };
}
