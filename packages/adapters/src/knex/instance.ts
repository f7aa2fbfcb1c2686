/** A knex instance on the target database whose every connection has dbm's lock_timeout set. */
import type { Knex } from 'knex';
import type { CodeRunContext } from '@dbm/core';
import { timeoutStatement } from '../code/timeouts.js';

type RawConnection = { query(text: string, values: unknown[], cb: (err: Error | null) => void): void };

/**
 * Opens knex (client 'pg') on ctx.url. The timeouts are set in the pool's afterCreate hook, so they hold on
 * whichever pooled connection the migration's queries (or its transaction) use.
 */
export async function openKnex(ctx: CodeRunContext): Promise<Knex> {
  const { default: knex } = await import('knex');
  const settings = timeoutStatement(ctx);
  return knex({
    client: 'pg',
    connection: { connectionString: ctx.url, application_name: 'dbm (knex migration)' },
    pool: {
      min: 0,
      max: 10,
      afterCreate(conn: RawConnection, done: (err: Error | null, conn: RawConnection) => void) {
        conn.query(settings.text, settings.values, (err) => done(err, conn));
      },
    },
  });
}
