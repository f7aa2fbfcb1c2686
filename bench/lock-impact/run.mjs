#!/usr/bin/env node
/**
 * bench/lock-impact: how long do an application's writes wait while a migration runs, applied as
 * plain SQL versus through dbm (planFix + executePlan)?
 *
 * What is simulated, exactly:
 * - A fresh database dbm_lock_impact_<pid> on the PostgreSQL server of DBM_BENCH_PG_URL (default
 *   postgres://postgres@127.0.0.1:5432/postgres; loopback only), dropped at the end, on failure and on
 *   Ctrl-C. In it: users (10,000 rows) and orders (1,000,000 rows by default: id identity pk, user_id,
 *   total, status, note, created_at; one index orders_status_idx), filled by INSERT ... SELECT
 *   generate_series, then VACUUM ANALYZE.
 * - Per scenario and per mode (plain, then dbm), with the table reverted (and vacuumed) in between:
 *   1. the write load starts on its own pool of 20 connections (opened beforehand), on its own
 *      thread: ~200 writes/s on a fixed schedule (2/3 UPDATE orders by random id, 1/3 INSERT into
 *      orders), latency measured from each write's due time, so queueing behind a lock counts in
 *      full (see load-worker.mjs);
 *   2. after 300 ms, a third connection opens a transaction, reads orders (ACCESS SHARE on the table
 *      and its indexes) and keeps the transaction open for --hold-ms (1000 ms): a slow request or
 *      report query that happens to be running when the migration starts;
 *   3. right after the reader holds its lock, the migration starts on a fourth connection:
 *      plain = the ORM-style SQL in BEGIN/COMMIT, no lock_timeout (as Prisma, Drizzle, TypeORM and
 *      Knex run it); dbm = executePlan(planFix(parsePostgres(sql))) with ledger 'bench';
 *   4. when both the migration and the reader have finished, the load runs 300 ms more and stops.
 *   The reported max/p99 are over every write of that window. The load stops itself after 120 s in
 *   any case. A first run without any migration (same load, same reader) is the baseline: the
 *   latency this machine gives writes anyway (WAL fsync, other work on the 2 cores).
 * - After each run, orders is put back as seeded (the scenario's revert SQL, the load's inserted rows
 *   deleted, dbm's step bookkeeping cleared, VACUUM ANALYZE).
 * - Target: under dbm no write waits more than 100 ms in any scenario.
 *
 * Usage: node bench/lock-impact/run.mjs [--rows N] [--scenarios a,b] [--json]
 *        [--lock-timeout 2s] (passed to planFix; default: the planner's) [--hold-ms 1000] [--rate 200]
 *        [--repeat N] (N rounds of baseline + scenarios; prints the median and worst of each round's max)
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { applyDbm, applyPlain, loadParser } from './appliers.mjs';
import { holdRead } from './blocker.mjs';
import { assertLoopback, createDatabase, seed, withDatabase } from './database.mjs';
import { open } from './pg.mjs';
import { renderRounds, renderTable, summarize, verdict } from './report.mjs';
import { pickScenarios } from './scenarios.mjs';
import { startWriter } from './writer.mjs';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    scenarios: { type: 'string', default: '' },
    json: { type: 'boolean', default: false },
    'lock-timeout': { type: 'string' },
    'hold-ms': { type: 'string', default: '1000' },
    rate: { type: 'string', default: '200' },
    repeat: { type: 'string', default: '1' },
  },
});
/** A positive whole number from the command line, or a clear error. */
function positive(name) {
  const n = Number(args[name]);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive whole number, got ${args[name]}`);
  return n;
}
const rows = positive('rows');
const holdMs = positive('hold-ms');
const rate = positive('rate');
// this machine's own write latency varies from run to run (WAL flushes, the other core's work): repeated
// rounds show how much of a spike is the migration's and how much the machine's
const repeat = positive('repeat');
const scenarios = pickScenarios(args.scenarios);
const planOptions = args['lock-timeout'] ? { lockTimeout: args['lock-timeout'] } : {};
const baseUrl = process.env.DBM_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const log = (m) => process.stderr.write(`[lock-impact] ${m}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

assertLoopback(baseUrl);
const dbName = `dbm_lock_impact_${process.pid}`;
const url = withDatabase(baseUrl, dbName);
const drop = await createDatabase(baseUrl, dbName);
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    interrupted = true;
    log(`${signal}: dropping ${dbName}`);
    drop().finally(() => process.exit(130));
  });
}

/** The 20 slowest of the writes over 100 ms ("<ms> ms at +<due> ms"), slowest first. */
const slowest = (slow) => [...slow].sort((a, b) => parseInt(b, 10) - parseInt(a, 10)).slice(0, 20);

/**
 * One run: load, competing reader, the migration (none for mode 'baseline'); the write latencies of the
 * whole window.
 */
async function measure(scenario, mode) {
  const writer = await startWriter(url, { rows, ratePerSecond: rate });
  await sleep(300);
  const reader = await holdRead(url, holdMs);
  const started = performance.now();
  const migrationStartMs = Math.round(started - writer.startedAt);
  let outcome = {};
  let error;
  try {
    if (mode === 'plain') outcome = await applyPlain(url, scenario);
    if (mode === 'dbm') outcome = await applyDbm(url, scenario, planOptions);
  } catch (e) {
    error = String(e.message ?? e);
    outcome = e.detail ?? {};
  }
  const migrationMs = performance.now() - started;
  await reader.done.catch(() => undefined);
  await sleep(300);
  const { latencies, slow, errors } = await writer.stop();
  // step times on the load's clock, next to the slow writes
  const timeline = outcome.timeline?.map((e) => `${e.what} at +${Math.round(e.at - writer.startedAt)} ms`);
  return { stats: summarize(latencies), migrationStartMs, migrationMs, writeErrors: errors, slowestWrites: slowest(slow), ...outcome, timeline, ...(error ? { error } : {}) };
}

/** Puts orders back as seeded, forgets dbm's step bookkeeping, and vacuums away the run's dead rows. */
async function revert(admin, scenario) {
  if (scenario) await admin.query(scenario.revert);
  await admin.query(`DELETE FROM orders WHERE id > $1`, [rows]);
  await admin.query(`DO $$ BEGIN IF to_regclass('_dbm.steps') IS NOT NULL THEN DELETE FROM _dbm.steps; END IF; END $$`);
  await admin.query('VACUUM ANALYZE orders');
}

const rounds = [];
let results = [];
let admin;
let baseline;
try {
  admin = await open(url, 'dbm-bench-admin');
  await loadParser();
  let t = performance.now();
  log(`seeding ${rows} orders in ${dbName}`);
  await seed(admin, rows);
  log(`seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  for (let round = 0; round < repeat; round++) {
    if (repeat > 1) log(`round ${round + 1} of ${repeat}`);
    const roundResults = [];
    const roundBaseline = await measure(undefined, 'baseline');
    await revert(admin, undefined);
    const bs = roundBaseline.stats;
    log(`baseline (no migration): max ${bs.max.toFixed(1)} ms, p99 ${bs.p99.toFixed(1)} ms, ${bs.writes} writes`);
    for (const scenario of scenarios) {
      const result = { scenario: scenario.name };
      for (const mode of ['plain', 'dbm']) {
        t = performance.now();
        result[mode] = await measure(scenario, mode);
        await revert(admin, scenario);
        const s = result[mode].stats;
        log(`${scenario.name} ${mode}: max ${s.max.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, ${s.writes} writes` +
          `${result[mode].error ? `, FAILED: ${result[mode].error}` : ''} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
      }
      roundResults.push(result);
    }
    rounds.push({ baseline: roundBaseline, results: roundResults });
  }
  ({ baseline, results } = rounds[0]);
} catch (e) {
  // after Ctrl-C the failures are those of the killed connections: the signal handler exits
  if (!interrupted) throw e;
} finally {
  await admin?.end().catch(() => undefined);
  await drop();
}
if (interrupted) await new Promise(() => undefined);

if (args.json) {
  process.stdout.write(`${JSON.stringify({ rows, holdMs, rate, planOptions, baseline, results, rounds, target: verdict(rounds.flatMap((r) => r.results)) }, null, 2)}\n`);
} else {
  process.stdout.write(`lock-impact: ${rows} rows, ~${rate} writes/s, competing read held ${holdMs} ms, dbm lock_timeout ${planOptions.lockTimeout ?? 'planner default'}\n\n`);
  process.stdout.write(`${repeat > 1 ? renderRounds(rounds) : renderTable(results, baseline)}\n`);
}
