// Timing whole commands for the benches that compare dbm with a peer's own command, in one run.
import { spawnSync } from 'node:child_process';
import pg from 'pg';

/** Runs `argv` once in `cwd`: wall time in ms, exit code and output. */
export function time(argv, cwd, env) {
  const t = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { cwd, env, encoding: 'utf8' });
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** The median wall time of `runs` runs; a run that exits with a code outside `okCodes` is an error. */
export function median(argv, cwd, env, runs, okCodes = [0]) {
  const all = [];
  for (let i = 0; i < runs; i++) {
    const r = time(argv, cwd, env);
    if (!okCodes.includes(r.code)) throw new Error(`${argv.join(' ')} (in ${cwd}) exited ${r.code}: ${r.out.slice(0, 600)}`);
    all.push(r.ms);
  }
  all.sort((a, b) => a - b);
  return all[Math.floor(all.length / 2)];
}

/** Runs one statement on the server at `url` (database creation and removal). */
export async function sql(url, text) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}
