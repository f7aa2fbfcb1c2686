/**
 * dbm from its CommonJS bundles through V8's code cache (packages/cli/src/bundle-loader.ts), end to end
 * through the real binary. `dbm status` runs from a bundle of its own: the cache is written after a whole status run, used by the next, replaced
 * when damaged, never written after a failed run; and a run from the cache still loads what it imports at
 * run time (tsx for a knexfile never seen before), which a plain import() in a cached script cannot.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, urlOf } from '../support/pg.js';
import { show } from '../support/run.js';
import { dbm, testdir } from './cli.js';

const DB = `dbm_fast_status_${process.pid}`;
const URL_ = urlOf(DB);
const dirs: string[] = [];

beforeAll(async () => {
  const admin = await connect(urlOf('postgres'));
  await admin.query(`DROP DATABASE IF EXISTS "${DB}"`);
  await admin.query(`CREATE DATABASE "${DB}"`);
  await admin.end();
});
afterAll(async () => {
  const admin = await connect(urlOf('postgres'));
  await admin.query(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`);
  await admin.end();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A fresh folder for the compile cache. */
function cacheDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dbm-compile-cache-'));
  dirs.push(dir);
  return dir;
}

/** A knex package with one migration, never seen by dbm (so detection loads its knexfile through tsx). */
function knexPackage(): string {
  const dir = testdir({
    'package.json': JSON.stringify({ name: 'fast', dependencies: { knex: '3.3.0', pg: '8' } }),
    'knexfile.js': "module.exports = { client: 'pg', connection: process.env.DATABASE_URL, migrations: { directory: './migrations' } };\n",
  });
  mkdirSync(join(dir, 'migrations'));
  writeFileSync(join(dir, 'migrations', '20250101000000_users.js'), 'exports.up = (k) => k.schema.createTable("users", (t) => t.increments());\nexports.down = (k) => k.schema.dropTable("users");\n');
  mkdirSync(join(dir, 'node_modules'));
  dirs.push(dir);
  return dir;
}

const cacheFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.cache'));
/** The cache files by bundle and verb, without the content id and the Node version. */
const cacheKinds = (dir: string) => cacheFiles(dir).map((f) => f.replace(/-[0-9a-f]{16}-/, '-<id>-').replace(/-node.*$/, '')).sort();

/** A fresh compile cache, a new knex package, and the variables a status in it runs with. */
function statusSetup() {
  const cache = cacheDir();
  return { cache, pkg: knexPackage(), env: { DATABASE_URL: URL_, DBM_COMPILE_CACHE: cache } };
}

describe('dbm status through the code cache', () => {
  it('saves the compiled code after a whole run, uses it on the next, and answers the same', async () => {
    const { cache, pkg, env } = statusSetup();
    const first = await dbm(['status', '--json'], pkg, env);
    expect(first.code, show(first)).toBe(2);
    expect(JSON.parse(first.stdout).counts.pending).toBe(1);
    const [file] = cacheFiles(cache);
    expect(file, 'one cache file after the first run').toMatch(/^fast\.cjs-[0-9a-f]{16}-node/);
    const saved = statSync(join(cache, file!)).mtimeMs;

    const second = await dbm(['status', '--json'], pkg, env);
    expect(second.code, show(second)).toBe(2);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toBe('');
    // used, not written again
    expect(statSync(join(cache, file!)).mtimeMs).toBe(saved);
    expect(cacheFiles(cache)).toEqual([file]);
  });

  it('a run from the cache still imports at run time: a new package’s knexfile is loaded through tsx', async () => {
    const cache = cacheDir();
    const env = { DATABASE_URL: URL_, DBM_COMPILE_CACHE: cache };
    const warm = await dbm(['status'], knexPackage(), env);
    expect(warm.code, show(warm)).toBe(2);
    expect(cacheFiles(cache)).toHaveLength(1);
    // a package never detected: describing it loads the knexfile with tsx, an import() from the cached code
    const fresh = await dbm(['status'], knexPackage(), env);
    expect(fresh.code, show(fresh)).toBe(2);
    expect(fresh.stdout).toContain('20250101000000_users.js');
    expect(fresh.stderr).toBe('');
  });

  it('a damaged cache file changes nothing but the time: the run answers as before and the file is written anew', async () => {
    const { cache, pkg, env } = statusSetup();
    const first = await dbm(['status', '--json'], pkg, env);
    const [file] = cacheFiles(cache);
    const garbage = Buffer.alloc(2048, 0x5a);
    writeFileSync(join(cache, file!), garbage);
    const again = await dbm(['status', '--json'], pkg, env);
    expect(again.code, show(again)).toBe(2);
    expect(again.stdout).toBe(first.stdout);
    expect(readFileSync(join(cache, file!)).equals(garbage)).toBe(false);
  });

  it('a failed run writes no cache (it compiled too little to be worth keeping)', async () => {
    const cache = cacheDir();
    const bad = await dbm(['status'], knexPackage(), { DATABASE_URL: urlOf('dbm_no_such_database_here'), DBM_COMPILE_CACHE: cache });
    expect(bad.code, show(bad)).toBe(1);
    expect(bad.stderr).toContain('dbm_no_such_database_here');
    expect(cacheFiles(cache)).toEqual([]);
  });

  it('DBM_COMPILE_CACHE=0 runs without a cache', async () => {
    const pkg = knexPackage();
    const r = await dbm(['status', '--json'], pkg, { DATABASE_URL: URL_, DBM_COMPILE_CACHE: '0' });
    expect(r.code, show(r)).toBe(2);
    expect(JSON.parse(r.stdout).counts.pending).toBe(1);
  });

  it('arguments the fast path does not take go to the full CLI, which answers as always', async () => {
    const { cache, pkg, env } = statusSetup();
    const unknown = await dbm(['status', '--bogus'], pkg, env);
    expect(unknown.code, show(unknown)).toBe(2);
    expect(unknown.stderr).toContain('Unknown argument: bogus');
    const help = await dbm(['status', '--help'], pkg, env);
    expect(help.code, show(help)).toBe(0);
    expect(help.stdout).toContain('--ledger-table');
    // the fast bundle saved nothing (it did not run the verb); the whole CLI saved its cache for status
    expect(cacheKinds(cache)).toEqual(['dbm.cjs-<id>-status']);
  });

  it('every other verb runs from the whole CLI, with a code cache of its own, used by its next run', async () => {
    const cache = cacheDir();
    const env = { DBM_COMPILE_CACHE: cache };
    const rules = await dbm(['rules', '--json'], process.cwd(), env);
    expect(rules.code, show(rules)).toBe(0);
    const help = await dbm(['--help'], process.cwd(), env);
    expect(help.code, show(help)).toBe(0);
    const names = cacheFiles(cache);
    expect(cacheKinds(cache)).toEqual(['dbm.cjs-<id>-other', 'dbm.cjs-<id>-rules']);
    const saved = statSync(join(cache, names.find((f) => f.includes('-rules-'))!)).mtimeMs;
    const again = await dbm(['rules', '--json'], process.cwd(), env);
    expect(again.stdout).toBe(rules.stdout);
    expect(statSync(join(cache, names.find((f) => f.includes('-rules-'))!)).mtimeMs).toBe(saved);
  });
});
