/**
 * The entry of dist/bundle/fast-loader.cjs, which bin/dbm.js requires for `dbm status`: it loads
 * dist/bundle/fast.cjs (fast-main.ts with everything status needs, pg included, in one CommonJS file)
 * through V8's code cache, and runs it. Measured by bench/verb-overhead: the chunks of the ES module bundle
 * cost about as much as the rest of a status run.
 */
import { join, resolve } from 'node:path';
import { loadCached } from './compile-cache.js';

/** The sha256 of fast.cjs, which the bundler writes in here (scripts/bundle.mjs). */
declare const DBM_FAST_ID: string;

interface FastMain {
  runFastMain(argv: readonly string[]): Promise<number | undefined>;
}

/**
 * Where the compiled code is kept: `bundleDir`/.compile-cache, or the folder DBM_COMPILE_CACHE names (for an
 * install whose folder the user cannot write); DBM_COMPILE_CACHE=0 keeps none.
 */
export function compileCacheDir(bundleDir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env.DBM_COMPILE_CACHE;
  if (chosen === '0') return undefined;
  return chosen ? resolve(chosen) : join(bundleDir, '.compile-cache');
}

/**
 * Runs `argv` from the fast bundle in `bundleDir`: its exit code, or undefined when the arguments need the
 * full CLI. The compiled code is saved after a run that exits 0 or 2 (up to date, or pending), so it holds
 * what a whole status run compiles, not the little an early error does.
 */
export async function runFastBundle(argv: readonly string[], bundleDir: string): Promise<number | undefined> {
  const cacheDir = compileCacheDir(bundleDir);
  const script = loadCached<FastMain>({
    file: join(bundleDir, 'fast.cjs'),
    id: DBM_FAST_ID,
    ...(cacheDir === undefined ? {} : { cacheDir }),
    importer: (specifier) => import(specifier),
  });
  const code = await script.exports.runFastMain(argv);
  if (code === 0 || code === 2) script.save();
  return code;
}
