// Timing whole commands for the benches that compare dbm with a peer's own command, in one run.
import { spawnSync } from 'node:child_process';
import pg from 'pg';

/** Runs `argv` once in `cwd`: wall time in ms, exit code and output. */
export function time(argv, cwd, env) {
  const t = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { cwd, env, encoding: 'utf8' });
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, code: r.status, out: `${r.stdout}${r.stderr}` };
}

/**
 * The median wall times of several commands, run in turns (a, b, c, a, b, c, ...): this machine's speed
 * drifts by tens of percent within a minute, and commands timed one block after another would each get a
 * different machine. A run that exits with a code outside `okCodes` is an error. Each argv may be undefined
 * (nothing to run): its median is undefined; or `{ argv, env }`, run with those variables added.
 */
export function medians(argvs, cwd, env, runs, okCodes = [0]) {
  const all = argvs.map(() => []);
  for (let i = 0; i < runs; i++) {
    argvs.forEach((entry, j) => {
      if (!entry) return;
      // an entry is an argv, or { argv, env } for a command that runs with more variables
      const [argv, more] = Array.isArray(entry) ? [entry, {}] : [entry.argv, entry.env];
      const r = time(argv, cwd, { ...env, ...more });
      if (!okCodes.includes(r.code)) throw new Error(`${argv.join(' ')} (in ${cwd}) exited ${r.code}: ${r.out.slice(0, 600)}`);
      all[j].push(r.ms);
    });
  }
  return all.map((xs) => (xs.length ? xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] : undefined));
}

/** The median wall time of `runs` runs of one command. */
export function median(argv, cwd, env, runs, okCodes = [0]) {
  return medians([argv], cwd, env, runs, okCodes)[0];
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
