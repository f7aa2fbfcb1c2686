/** Serialises concurrent `dbm apply` runs on one database with a session-level advisory lock. */
import type pg from 'pg';

/** One fixed key for all of dbm ("dbm!" as int32), so every dbm process contends for the same lock. */
export const APPLY_LOCK_KEY = 0x64626d21;

/** Another run holds the lock and the caller asked not to wait. */
export class LockHeldError extends Error {
  constructor(readonly holderPid?: number) {
    super(
      `another dbm apply holds the lock on this database${holderPid ? ` (backend pid ${holderPid})` : ''}; ` +
        'wait for it to finish, or run again without --no-wait to queue behind it',
    );
    this.name = 'LockHeldError';
  }
}

async function holder(client: pg.ClientBase): Promise<number | undefined> {
  const r = await client.query(
    `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = 0 AND objid = $1 LIMIT 1`,
    [APPLY_LOCK_KEY],
  );
  return r.rows[0]?.pid;
}

/**
 * Takes the apply lock: waits for it (reporting once that it waits), or with `wait: false` fails at once
 * with {@link LockHeldError}. Returns the release function.
 */
export async function acquireApplyLock(
  client: pg.ClientBase,
  options: { wait: boolean; onWait?: (holderPid?: number) => void },
): Promise<() => Promise<void>> {
  const got = await client.query('SELECT pg_try_advisory_lock($1) AS ok', [APPLY_LOCK_KEY]);
  if (got.rows[0]?.ok !== true) {
    const pid = await holder(client);
    if (!options.wait) throw new LockHeldError(pid);
    options.onWait?.(pid);
    // poll instead of a blocking pg_advisory_lock(): a session blocked in a statement holds a snapshot,
    // and CREATE INDEX CONCURRENTLY in the session that holds the lock waits for every such snapshot
    for (let delay = 50; ; delay = Math.min(500, delay * 2)) {
      await new Promise((r) => setTimeout(r, delay));
      const again = await client.query('SELECT pg_try_advisory_lock($1) AS ok', [APPLY_LOCK_KEY]);
      if (again.rows[0]?.ok === true) break;
    }
  }
  return async () => {
    await client.query('SELECT pg_advisory_unlock($1)', [APPLY_LOCK_KEY]);
  };
}
