#!/usr/bin/env node
// A dbm apply/rollback in a child process, for the executor's crash and concurrency tests.
// env: DBM_URL, DBM_DIR (Prisma migrations folder), DBM_VERB (apply|rollback), DBM_NO_WAIT=1,
//      DBM_KILL_AFTER_STEP=k  (SIGKILL itself right after the k-th finished step: a step boundary)
//      DBM_KILL_IN_STEP=k     (SIGKILL itself 250 ms into the k-th started step: inside a step)
//      DBM_TO=<migration>     (apply up to and including it)
// Prints every executor event as a JSON line on stdout, then {"result": ...} or {"error": ...}.
import { applyMigrations, rollbackMigrations } from '../../packages/core/dist/index.js';
import { openMigrations } from '../../packages/adapters/dist/index.js';

const env = process.env;
const killAfter = Number(env.DBM_KILL_AFTER_STEP ?? 0);
const killIn = Number(env.DBM_KILL_IN_STEP ?? 0);
let done = 0;
let started = 0;
const listener = (e) => {
  process.stdout.write(`${JSON.stringify(e)}\n`);
  if (e.type === 'step-done' && ++done === killAfter) process.kill(process.pid, 'SIGKILL');
  if (e.type === 'step-start' && ++started === killIn) setTimeout(() => process.kill(process.pid, 'SIGKILL'), 250);
};
const project = await openMigrations({ orm: 'prisma', dir: env.DBM_DIR });
const options = { url: env.DBM_URL, ledger: project.ledger, sources: project.sources, listener, wait: env.DBM_NO_WAIT !== '1', ...(env.DBM_TO ? { to: env.DBM_TO } : {}) };
try {
  const result = env.DBM_VERB === 'rollback' ? await rollbackMigrations({ ...options, steps: Number(env.DBM_STEPS ?? 1) }) : await applyMigrations(options);
  process.stdout.write(`${JSON.stringify({ result })}\n`);
} catch (e) {
  process.stdout.write(`${JSON.stringify({ error: e.message, name: e.name })}\n`);
  process.exitCode = 1;
}
