/**
 * The two ways of applying a migration. "plain": the SQL as written, in one transaction on one
 * connection, as an ORM's migrate command runs it. "dbm": planFix then executePlan, the path
 * `dbm apply` takes (lock_timeout per step, CONCURRENTLY outside transactions, NOT VALID + VALIDATE,
 * retry of lost lock races).
 */
import { executePlan, loadPostgresParser, parsePostgres, planFix } from '@dbm/core';
import { performance } from 'node:perf_hooks';
import { open } from './pg.mjs';

/** Runs `sql` as written inside BEGIN/COMMIT. */
export async function applyPlain(url, scenario) {
  const client = await open(url, 'dbm-bench-plain');
  try {
    await client.query('BEGIN');
    await client.query(scenario.sql);
    await client.query('COMMIT');
    return {};
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await client.end();
  }
}

let parserLoaded;

/** Loads dbm's SQL parser (WebAssembly) once, before any timing starts. */
export const loadParser = () => (parserLoaded ??= loadPostgresParser());

/**
 * Plans `sql` with dbm and executes the plan; returns the lock races retried and when each step ran
 * (performance.now() of this thread).
 */
export async function applyDbm(url, scenario, planOptions = {}) {
  await loadParser();
  const plan = planFix(parsePostgres(scenario.sql), planOptions);
  const client = await open(url, 'dbm-bench-dbm');
  const retries = [];
  const timeline = [];
  try {
    await executePlan(plan, {
      client,
      url,
      ledger: 'bench',
      migration: scenario.name,
      checksum: scenario.name,
      listener: (e) => {
        if (e.type === 'retry') retries.push(`step ${e.step} attempt ${e.attempt}: ${e.reason}`);
        if (e.type === 'step-start') timeline.push({ at: performance.now(), what: `step ${e.step} start: ${e.comment}` });
        if (e.type === 'step-done') timeline.push({ at: performance.now(), what: `step ${e.step} done (${e.ms} ms)` });
      },
    });
    return { retries, steps: plan.steps.length, timeline };
  } catch (e) {
    // keep what happened before the failure: it is the evidence of an executor problem
    throw Object.assign(e, { detail: { retries, steps: plan.steps.length, timeline } });
  } finally {
    await client.end();
  }
}
