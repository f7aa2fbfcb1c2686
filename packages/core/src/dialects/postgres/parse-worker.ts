/** Worker-thread entry: parses the chunk it is given and posts the ParsedFile back (or the error). */
import { parentPort, workerData } from 'node:worker_threads';
import { loadPostgresParser, parsePostgres } from './parse.js';

const { text } = workerData as { text: string };
await loadPostgresParser();
try {
  parentPort?.postMessage({ ok: true, file: parsePostgres(text) });
} catch (e) {
  parentPort?.postMessage({ ok: false, message: String((e as Error).message ?? e) });
}
