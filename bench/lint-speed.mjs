#!/usr/bin/env node
// Lint speed against the peer, in one run: dbm lint and squawk on the same generated 20,000-statement
// migration, both with machine-readable output to /dev/null, median of several runs each.
// Usage: node bench/lint-speed.mjs [--statements 20000] [--runs 5] [--with-tty]
import { spawnSync } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeMigration } from './generate-migration.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name, def) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const statements = arg('--statements', 20000);
const runs = arg('--runs', 5);
mkdirSync(join(here, 'out'), { recursive: true });
const file = writeMigration(join(here, 'out', `migration-${statements}.sql`), statements);
const dbm = join(here, '..', 'packages', 'cli', 'bin', 'dbm.js');
const devnull = openSync('/dev/null', 'w');
// squawk-cli ships its binary in @squawk-cli/<platform>; call it directly so no node wrapper start-up is counted
const fromSquawk = createRequire(createRequire(import.meta.url).resolve('squawk-cli/package.json'));
const squawkExe = fromSquawk.resolve(`@squawk-cli/${process.platform}-${process.arch}/bin/squawk`);

function time(cmd, args) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', devnull, devnull] });
  if (r.error) throw r.error;
  return Number(process.hrtime.bigint() - t) / 1e6;
}
function median(cmd, args) {
  const all = [];
  for (let i = 0; i < runs; i++) all.push(time(cmd, args));
  all.sort((a, b) => a - b);
  return all[Math.floor(all.length / 2)];
}
const peer = [squawkExe, []];

console.log(`lint ${statements} statements (${file}), median of ${runs} runs each`);
const d = median(process.execPath, [dbm, 'lint', file, '--format', 'json']);
const s = median(peer[0], [...peer[1], '--reporter', 'json', file]);
console.log(`dbm lint --format json       ${d.toFixed(0).padStart(7)} ms`);
console.log(`squawk --reporter json       ${s.toFixed(0).padStart(7)} ms`);
console.log(`ratio dbm/squawk             ${(d / s).toFixed(2).padStart(7)}   target <= 1.00`);
if (process.argv.includes('--with-tty')) {
  const dt = time(process.execPath, [dbm, 'lint', file]);
  const st = time(peer[0], [...peer[1], file]);
  console.log(`default reporters (1 run):   dbm ${dt.toFixed(0)} ms, squawk ${st.toFixed(0)} ms, ratio ${(dt / st).toFixed(2)}`);
}
