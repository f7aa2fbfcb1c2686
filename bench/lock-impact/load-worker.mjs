/**
 * The write load's own thread (started by writer.mjs), so that nothing the migrating side does on the
 * main thread (loading the parser, planning, parsing statements) can stall or delay the writes or
 * their timing: like an application, the load runs apart from the migration tool.
 *
 * A fixed-rate, open-loop schedule: two thirds UPDATE of a random existing order, one third INSERT.
 * Each write's latency is measured from the moment it was DUE, not from when a pooled connection became
 * free, so a write that queued behind a lock (or behind other blocked writes) counts its whole wait,
 * as a user of the application would feel it. Bounded: it stops on 'stop', and by itself after maxMs.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { pg } from './pg.mjs';

const { url, rows, ratePerSecond, poolSize, maxMs } = workerData;
const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'dbm-bench-writer' });
pool.on('error', () => undefined);
const latencies = [];
const slow = [];
const errors = [];
const inFlight = new Set();
const interval = 1000 / ratePerSecond;
let started = 0;
let issued = 0;
let stopped = false;

function write(due, isInsert) {
  const query = isInsert
    ? pool.query(`INSERT INTO orders (user_id, total, status, note) VALUES ($1, $2, 'new', $3)`, [
        1 + Math.floor(Math.random() * 10000),
        (Math.random() * 500).toFixed(2),
        `web ${randomUUID()}`,
      ])
    : pool.query(`UPDATE orders SET total = total + 1 WHERE id = $1`, [1 + Math.floor(Math.random() * rows)]);
  const p = query
    .then(() => {
      const ms = performance.now() - due;
      latencies.push(ms);
      // the slow ones with their due time since the start, to show when in the run they happened
      if (ms > 100) slow.push(`${Math.round(ms)} ms at +${Math.round(due - started)} ms`);
    })
    .catch((e) => errors.push(String(e.message ?? e)))
    .finally(() => inFlight.delete(p));
  inFlight.add(p);
}

// one timer issues every write that is due, so timer jitter never lowers the rate
function tick() {
  if (stopped) return;
  const now = performance.now();
  if (now - started > maxMs) return void (stopped = true);
  while (started + issued * interval <= now) {
    write(started + issued * interval, issued % 3 === 2);
    issued++;
  }
  setTimeout(tick, Math.max(0, started + issued * interval - performance.now()));
}

// open every pooled connection first: connection set-up is not what is being measured
const warm = await Promise.all(Array.from({ length: poolSize }, () => pool.connect()));
for (const c of warm) c.release();
started = performance.now();
tick();
parentPort.postMessage({ type: 'started' });

parentPort.on('message', async () => {
  stopped = true;
  await Promise.allSettled([...inFlight]);
  await pool.end().catch(() => undefined);
  parentPort.postMessage({ type: 'stopped', latencies, slow, errors, issued });
});
