/** Opens the connection an apply or rollback works on, holding the apply lock for its whole duration. */
import type pg from 'pg';
import { loadPostgresParser } from '../../dialects/postgres/parse.js';
import type { ExecListener } from '../events.js';
import { acquireApplyLock } from './advisory-lock.js';
import { connect } from './connect.js';

/** Runs `work` on a connection that holds dbm's advisory lock; always releases and disconnects. */
export async function withLockedSession<T>(
  url: string,
  options: { wait?: boolean; listener?: ExecListener },
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  await loadPostgresParser();
  const client = await connect(url);
  try {
    const release = await acquireApplyLock(client, {
      wait: options.wait ?? true,
      onWait: (holderPid) => options.listener?.({ type: 'wait-lock', ...(holderPid ? { holderPid } : {}) }),
    });
    try {
      return await work(client);
    } finally {
      await release().catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
