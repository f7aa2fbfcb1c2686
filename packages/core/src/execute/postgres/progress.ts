/**
 * Watches long statements from a second connection: CREATE INDEX [CONCURRENTLY] through
 * pg_stat_progress_create_index, reported as events every interval.
 */
import pg from 'pg';
import type { ExecListener } from '../events.js';

/** Starts polling the build progress of the backend `pid`; returns the stop function. */
export function watchIndexBuild(url: string, pid: number, listener: ExecListener, intervalMs = 1000): () => Promise<void> {
  let stopped = false;
  let client: pg.Client | undefined;
  const loop = (async () => {
    client = new pg.Client({ connectionString: url, application_name: 'dbm-progress', connectionTimeoutMillis: 2000 });
    client.on('error', () => undefined);
    await client.connect();
    while (!stopped) {
      const r = await client.query(
        `SELECT p.index_relid::regclass::text AS index, p.phase, p.blocks_done, p.blocks_total, p.tuples_done, p.tuples_total
         FROM pg_stat_progress_create_index p WHERE p.pid = $1`,
        [pid],
      );
      const row = r.rows[0];
      if (row) {
        const useTuples = Number(row.tuples_total) > 0;
        listener({
          type: 'index-progress',
          index: row.index === '-' ? '(new index)' : row.index,
          phase: row.phase,
          done: Number(useTuples ? row.tuples_done : row.blocks_done),
          total: Number(useTuples ? row.tuples_total : row.blocks_total),
        });
      }
      await new Promise((res) => setTimeout(res, intervalMs));
    }
  })().catch(() => undefined);
  return async () => {
    stopped = true;
    // never let progress reporting hold up the migration (e.g. a server that takes one connection at a time)
    await Promise.race([loop, new Promise((r) => setTimeout(r, 2000))]);
    await client?.end().catch(() => undefined);
  };
}

/**
 * Backfills report each batch with `RAISE NOTICE 'dbm-backfill <table> <rows>'`; this turns those notices
 * into rows/s events.
 */
export function backfillNoticeListener(listener: ExecListener): (notice: { message?: string }) => void {
  const started = Date.now();
  let total = 0;
  return (notice) => {
    const m = /^dbm-backfill (\S+) (\d+)$/.exec(notice.message ?? '');
    if (!m) return;
    total += Number(m[2]);
    const seconds = Math.max(0.001, (Date.now() - started) / 1000);
    listener({ type: 'backfill-progress', table: m[1]!, rows: total, rowsPerSecond: Math.round(total / seconds) });
  };
}
