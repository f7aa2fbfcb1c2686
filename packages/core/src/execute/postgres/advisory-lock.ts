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
    await client.query('SELECT pg_advisory_lock($1)', [APPLY_LOCK_KEY]);
  }
  return async () => {
    await client.query('SELECT pg_advisory_unlock($1)', [APPLY_LOCK_KEY]);
  };
}
