/** Latency statistics and the printed table of the lock-impact benchmark. */

/** Target: under dbm no write may wait longer than this. */
export const TARGET_MS = 100;

/** Max, p99 (nearest rank) and count of a list of latencies in ms. */
export function summarize(latencies) {
  if (latencies.length === 0) return { max: NaN, p99: NaN, writes: 0 };
  const sorted = [...latencies].sort((a, b) => a - b);
  const rank = Math.ceil(0.99 * sorted.length) - 1;
  return { max: sorted[sorted.length - 1], p99: sorted[rank], writes: sorted.length };
}

const ms = (v) => (Number.isFinite(v) ? v.toFixed(1) : '-');

function cell(run, key) {
  if (run === undefined) return '-';
  if (run.error) return key === 'max' ? 'FAILED' : '-';
  return ms(run.stats[key]);
}

/** The worst dbm run, or the first failed one: what decides the target. */
export function verdict(results) {
  let worst;
  for (const r of results) {
    const run = r.dbm;
    if (!run) continue;
    if (run.error) return { met: false, worstMs: NaN, scenario: r.scenario, failed: run.error };
    if (!worst || run.stats.max > worst.worstMs) worst = { worstMs: run.stats.max, scenario: r.scenario };
  }
  if (!worst) return { met: false, worstMs: NaN, scenario: '(none)' };
  return { met: worst.worstMs <= TARGET_MS, ...worst };
}

/** The table, the baseline and the target line, as printed. */
export function renderTable(results, baseline) {
  const head = ['scenario', 'plain max ms', 'plain p99 ms', 'dbm max ms', 'dbm p99 ms', 'writes plain/dbm', 'migration s plain/dbm', 'dbm retries'];
  const rows = results.map((r) => [
    r.scenario,
    cell(r.plain, 'max'),
    cell(r.plain, 'p99'),
    cell(r.dbm, 'max'),
    cell(r.dbm, 'p99'),
    `${r.plain?.stats.writes ?? '-'}/${r.dbm?.stats.writes ?? '-'}`,
    `${r.plain ? (r.plain.migrationMs / 1000).toFixed(1) : '-'}/${r.dbm ? (r.dbm.migrationMs / 1000).toFixed(1) : '-'}`,
    String(r.dbm?.retries?.length ?? '-'),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ');
  const out = [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)];
  const v = verdict(results);
  const failures = results.flatMap((r) => ['plain', 'dbm'].filter((m) => r[m]?.error).map((m) => `  ${r.scenario} (${m}) failed: ${r[m].error}`));
  if (failures.length) out.push('', 'failures:', ...failures);
  const writeErrors = results.flatMap((r) => ['plain', 'dbm'].filter((m) => r[m]?.writeErrors?.length).map((m) => `  ${r.scenario} (${m}): ${r[m].writeErrors.length} failed writes, e.g. ${r[m].writeErrors[0]}`));
  if (writeErrors.length) out.push('', 'write errors:', ...writeErrors);
  if (baseline) {
    const b = baseline.stats;
    out.push('', `baseline (no migration; same load and competing read): max ${ms(b.max)} ms, p99 ${ms(b.p99)} ms, ${b.writes} writes`);
  }
  out.push(
    '',
    `target: no write waits more than ${TARGET_MS} ms during any dbm-applied scenario: ${v.met ? 'met' : 'missed'} ` +
      (v.failed ? `(dbm failed in ${v.scenario}: ${v.failed})` : `(worst: ${ms(v.worstMs)} ms in ${v.scenario})`),
  );
  return out.join('\n');
}

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/**
 * Several rounds side by side: per scenario and mode, the median and the worst of each round's longest
 * write wait, with the baseline's beside them (what the machine does with no migration at all).
 */
export function renderRounds(rounds) {
  const maxes = (pick) => rounds.map(pick).filter((run) => run && !run.error).map((run) => run.stats.max);
  const pair = (xs) => (xs.length ? `${ms(median(xs))} / ${ms(Math.max(...xs))}` : 'FAILED');
  const head = ['scenario', 'plain max: median / worst', 'dbm max: median / worst', 'dbm rounds over target'];
  const rows = [['baseline', pair(maxes((r) => r.baseline)), '', `${maxes((r) => r.baseline).filter((m) => m > TARGET_MS).length}/${rounds.length} (no migration)`]];
  for (const { scenario } of rounds[0].results) {
    const run = (mode) => (r) => r.results.find((x) => x.scenario === scenario)?.[mode];
    const dbm = maxes(run('dbm'));
    rows.push([scenario, pair(maxes(run('plain'))), pair(dbm), `${dbm.filter((m) => m > TARGET_MS).length}/${rounds.length}`]);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ');
  const v = verdict(rounds.flatMap((r) => r.results));
  return [
    `${rounds.length} rounds; each cell: the median and the worst over the rounds of the longest write wait (ms)`,
    '',
    line(head),
    widths.map((w) => '-'.repeat(w)).join('-|-'),
    ...rows.map(line),
    '',
    `target: no write waits more than ${TARGET_MS} ms during any dbm-applied scenario: ${v.met ? 'met' : 'missed'} ` +
      (v.failed ? `(dbm failed in ${v.scenario}: ${v.failed})` : `(worst: ${ms(v.worstMs)} ms in ${v.scenario})`),
  ].join('\n');
}
