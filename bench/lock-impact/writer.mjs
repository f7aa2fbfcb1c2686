/**
 * The steady write load: ~200 writes/s from a second pool of connections, run on a worker thread
 * (load-worker.mjs) so the benchmark's own work cannot distort it. Bounded in time.
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

/**
 * Starts the load and resolves once it runs; `stop()` ends it and resolves with
 * { latencies (ms), slow (writes over 100 ms, with when they were due), errors, issued }.
 */
export async function startWriter(url, { rows, ratePerSecond = 200, poolSize = 20, maxMs = 120_000 }) {
  const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData: { url, rows, ratePerSecond, poolSize, maxMs } });
  let failure;
  // a worker that dies (e.g. its connections killed by the Ctrl-C cleanup) must not crash the run
  worker.on('error', (e) => (failure = e));
  const next = (type) =>
    new Promise((resolve, reject) => {
      const onMessage = (m) => m.type === type && (worker.off('message', onMessage), resolve(m));
      if (failure) return reject(failure);
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  await next('started');
  return {
    /** When the load started (performance.now() of this thread), to place the slow writes in time. */
    startedAt: performance.now(),
    async stop() {
      const done = next('stopped');
      worker.postMessage('stop');
      const result = await done;
      await worker.terminate();
      return result;
    },
  };
}
