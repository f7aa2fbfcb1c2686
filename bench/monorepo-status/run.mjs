#!/usr/bin/env node
// Monorepo status, in one run: `dbm status` at the root of examples/monorepo-mixed (every package, read in
// parallel) against the sum of the ORMs' own status commands run package by package, as a team without dbm
// would: median of several runs each, on a database where everything is applied. Target: ratio <= 0.25.
// drizzle-kit has no status command, so the drizzle package adds nothing to the native sum (which makes the
// ratio harder to meet, not easier). Usage: node bench/monorepo-status/run.mjs [--runs 5]
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, sql, time } from '../lib/timing.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const example = join(repo, 'examples', 'monorepo-mixed');
const dbm = join(repo, 'packages', 'cli', 'bin', 'dbm.js');
const arg = (name, def) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : def;
};
const runs = Number(arg('--runs', 5));
const TARGET = 0.25;
const admin = process.env.DBM_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
if (!/@(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(admin)) throw new Error('monorepo-status only runs against a local server');

/** Each package's own status command (argv, cwd); the same commands as bench/verb-overhead. */
const NATIVE = [
  { pkg: '@mixed/api (prisma)', cwd: 'apps/api', argv: [process.execPath, join(repo, 'bench', 'verb-overhead', 'prisma-native.mjs'), 'status', 'prisma/migrations'], note: 'Prisma CLI unavailable here: its wasm engine, as `migrate status` uses it' },
  { pkg: '@mixed/billing (knex)', cwd: 'services/billing', argv: [process.execPath, 'node_modules/knex/bin/cli.js', 'migrate:list'] },
  { pkg: '@mixed/legacy (typeorm)', cwd: 'services/legacy', argv: [process.execPath, '--import', 'tsx', 'node_modules/typeorm/cli.js', 'migration:show', '-d', 'src/data-source.ts'] },
  { pkg: '@mixed/analytics (drizzle)', cwd: 'packages/analytics', argv: undefined, note: 'drizzle-kit has no status command: nothing to run, 0 ms in the sum' },
];


const db = `dbm_monorepo_status_${process.pid}`;
const u = new URL(admin);
u.pathname = `/${db}`;
// NODE_ENV unset, as in a user's shell: knex and dbm pick the knexfile's "development"
const env = { ...process.env, DATABASE_URL: u.toString(), NO_COLOR: '1' };
delete env.NODE_ENV;
await sql(admin, `DROP DATABASE IF EXISTS "${db}"`);
await sql(admin, `CREATE DATABASE "${db}"`);
let dbmMs;
const native = [];
try {
  const first = time([process.execPath, dbm, 'apply', '--all'], example, env);
  if (first.code !== 0) throw new Error(`dbm apply --all failed: ${first.out}`);
  dbmMs = median([process.execPath, dbm, 'status'], example, env, runs);
  for (const n of NATIVE) native.push({ ...n, ms: n.argv ? median(n.argv, join(example, n.cwd), env, runs) : undefined });
} finally {
  await sql(admin, `DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
}

const f = (ms) => (ms === undefined ? '     n/a' : `${ms.toFixed(0).padStart(5)} ms`);
const sum = native.reduce((t, n) => t + (n.ms ?? 0), 0);
console.log(`monorepo status, median of ${runs} run${runs === 1 ? '' : 's'} (examples/monorepo-mixed, everything applied)\n`);
for (const n of native) console.log(`  native ${n.pkg.padEnd(28)} ${f(n.ms)}${n.note ? `  (${n.note})` : ''}`);
console.log(`  native sum ${''.padEnd(24)} ${f(sum)}`);
console.log(`  dbm status at the root ${''.padEnd(12)} ${f(dbmMs)}  (4 packages in one table)`);
const ratio = dbmMs / sum;
console.log(`\ndbm status / native sum: ${ratio.toFixed(2)} (target <= ${TARGET.toFixed(2)}): ${ratio <= TARGET ? 'met' : 'missed'}`);
