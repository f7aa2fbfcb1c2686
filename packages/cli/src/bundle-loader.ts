/**
 * The entry of dist/bundle/loader.cjs, which bin/dbm.js requires: it runs dbm from its two CommonJS bundles
 * through V8's code cache (compile-cache.ts). Node 20 keeps no compiled code for ES modules between runs;
 * with the cache, each run skips parsing and compiling what an earlier run of the same verb compiled
 * (bench/verb-overhead: `dbm --help`, status and apply each start tens of milliseconds sooner).
 * - fast.cjs: `dbm status` alone (fast-main.ts): the status command, detection, the ledgers and pg.
 * - dbm.cjs: the whole CLI (bin.ts), for every other run.
 */
import { join, resolve } from 'node:path';
import { loadCached } from './compile-cache.js';
import type { MainOptions } from './bin.js';
import { VERBS } from './verbs.js';

/** The sha256 of each bundle, which the bundler writes in here (scripts/cached-bundles.mjs). */
declare const DBM_BUNDLE_IDS: { readonly fast: string; readonly full: string };

interface FastBundle {
  runFastMain(argv: readonly string[]): Promise<number | undefined>;
}
interface FullBundle {
  main(argv: readonly string[], options?: MainOptions): Promise<number>;
}

/**
 * Where the compiled code is kept: `bundleDir`/.compile-cache, or the folder DBM_COMPILE_CACHE names (for an
 * install whose folder the user cannot write: a folder only that user can write, as it holds code that runs);
 * DBM_COMPILE_CACHE=0 keeps none.
 */
export function compileCacheDir(bundleDir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env.DBM_COMPILE_CACHE;
  if (chosen === '0') return undefined;
  return chosen ? resolve(chosen) : join(bundleDir, '.compile-cache');
}

function load<T>(bundleDir: string, file: string, id: string, variant?: string) {
  const cacheDir = compileCacheDir(bundleDir);
  return loadCached<T>({
    file: join(bundleDir, file),
    id,
    ...(variant === undefined ? {} : { variant }),
    ...(cacheDir === undefined ? {} : { cacheDir }),
    importer: (specifier) => import(specifier),
  });
}

/**
 * Runs `argv` (a status) from fast.cjs: its exit code, or undefined when the arguments need the full CLI.
 * The compiled code is saved after a run that exits 0 or 2 (up to date, or pending), so it holds what a
 * whole status run compiles, not the little an early error does.
 */
export async function runFastBundle(argv: readonly string[], bundleDir: string): Promise<number | undefined> {
  const script = load<FastBundle>(bundleDir, 'fast.cjs', DBM_BUNDLE_IDS.fast);
  const code = await script.exports.runFastMain(argv);
  if (code === 0 || code === 2) script.save();
  return code;
}

/**
 * Runs `argv` from dbm.cjs, the whole CLI (`fast`: whether it may try the status fast path itself). Each
 * verb keeps a cache of its own, saved after its first run: verbs share the CLI's frame, but most of what a
 * run compiles is its own verb's code.
 */
export async function runFullBundle(argv: readonly string[], bundleDir: string, fast: boolean): Promise<number> {
  const verb = (VERBS as readonly string[]).includes(argv[0] ?? '') ? argv[0]! : 'other';
  const script = load<FullBundle>(bundleDir, 'dbm.cjs', DBM_BUNDLE_IDS.full, verb);
  const code = await script.exports.main(argv, { fast });
  script.save();
  return code;
}
