/**
 * CommonJS code run through V8's code cache. Node 20 keeps no compiled code between runs for ES modules
 * (Node 22 has module.enableCompileCache), so dbm is bundled as CommonJS files and compiled here with
 * vm.Script: a run saves V8's compiled code beside the bundle, and the next runs hand it back to V8, which
 * then skips parsing and compiling every function the saving run compiled.
 *
 * Two things differ from Node's own loader, and the bundles are built for both (scripts/cached-bundles.mjs):
 * - `import()` in a script compiled from a code cache fails: Node loses the script's import callback
 *   (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING). The bundle calls {@link IMPORT_BINDING} instead, a function
 *   given to it here, whose `import()` resolves from the loader's own file, beside the bundle.
 * - V8 accepts a cache made for any source of the same length, so a cache file is named by the identity of
 *   the content it was made from (a hash the build computes), with Node's and V8's versions.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** The name under which the bundled code calls `import()`: a parameter of the function that wraps it. */
export const IMPORT_BINDING = '__dbmImport';

// one line, so the bundle's line numbers stay its own in stack traces
const HEAD = `(function (exports, require, module, __filename, __dirname, ${IMPORT_BINDING}) {`;
const TAIL = '\n})';

/** What to load, and where its cache lives. */
export interface CachedScriptOptions {
  /** The CommonJS file (absolute). */
  readonly file: string;
  /** The identity of the file's content (a hash): a cache made from other content is never offered to V8. */
  readonly id: string;
  /** Which of several caches of the same file (one per verb): each holds what its own runs compiled. */
  readonly variant?: string;
  /** The folder of cache files; undefined compiles without a cache. */
  readonly cacheDir?: string;
  /** Performs the bundle's `import()` calls. */
  readonly importer: (specifier: string) => Promise<unknown>;
}

/** Whether V8 got compiled code: no cache wanted (off), none saved yet (absent), taken (used), or refused (rejected, e.g. other V8 flags). */
export type CacheState = 'off' | 'absent' | 'used' | 'rejected';

/** A loaded script. */
export interface CachedScript<T> {
  readonly exports: T;
  readonly cache: CacheState;
  /**
   * Saves V8's code for the next run when this run had none it could use (absent or rejected), with every
   * function compiled so far: call it once the work is done. Never throws (a read-only install just runs
   * without a cache); says whether a file was written.
   */
  save(): boolean;
}

/** The cache file of `file` with content `id` (and `variant`), for this Node, V8 and CPU. */
export function cacheFileOf(cacheDir: string, file: string, id: string, variant?: string): string {
  const which = variant === undefined ? '' : `-${variant}`;
  return join(cacheDir, `${basename(file)}-${id}${which}-node${process.versions.node}-v8${process.versions.v8}-${process.arch}.cache`);
}

// ASCII (as the bundler writes it) read as Latin-1 is the same string, made without UTF-8 decoding: ~2 ms less for
// a bundle of a megabyte, and V8 keeps it as one byte a character
function readSource(file: string): string {
  const bytes = readFileSync(file);
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

function readOptional(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Loads `options.file` as a CommonJS module through the code cache. */
export function loadCached<T>(options: CachedScriptOptions): CachedScript<T> {
  const { file } = options;
  const source = readSource(file);
  const cachePath = options.cacheDir === undefined ? undefined : cacheFileOf(options.cacheDir, file, options.id, options.variant);
  const cachedData = cachePath === undefined ? undefined : readOptional(cachePath);
  const script = new Script(`${HEAD}${source}${TAIL}`, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const cache: CacheState = cachePath === undefined ? 'off' : !cachedData ? 'absent' : script.cachedDataRejected ? 'rejected' : 'used';
  const module = { exports: {} as T, filename: file, id: file };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file), options.importer);
  let saved = false;
  return {
    exports: module.exports,
    cache,
    save: () => {
      if (saved || cachePath === undefined || cache === 'used') return false;
      saved = true;
      return writeCache(cachePath, () => script.createCachedData());
    },
  };
}

// written beside, then renamed: a run reading meanwhile sees no file or the whole one, never half of one. (A
// rebuild replaces the bundle's folder and the cache folder in it, so caches of old contents do not pile up.)
function writeCache(path: string, data: () => Buffer): boolean {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, data());
    renameSync(tmp, path);
    return true;
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing was written where nothing can be (the folder is missing, or a file)
    }
    return false;
  }
}
