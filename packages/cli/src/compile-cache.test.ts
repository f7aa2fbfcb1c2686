import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheFileOf, IMPORT_BINDING, loadCached, type CachedScriptOptions } from './compile-cache.js';

interface Fixture {
  double(n: number): number;
  /** The bundle's `import()`, as the bundler rewrites it. */
  loadPath(): Promise<{ join: (...p: string[]) => string }>;
  here: string;
  throwAtLine3(): never;
}

// a CommonJS module as the bundler writes fast.cjs: exports through module.exports, `import()` through the binding
const SOURCE = `module.exports.double = (n) => n * 2;
module.exports.loadPath = () => ${IMPORT_BINDING}('node:path');
module.exports.throwAtLine3 = () => { throw new Error('line three'); };
module.exports.here = __filename + '|' + __dirname + '|' + typeof require('node:fs').readFileSync;
`;

function fixture(source = SOURCE): { dir: string; file: string; options: (id?: string) => CachedScriptOptions } {
  const dir = mkdtempSync(join(tmpdir(), 'dbm-compile-cache-'));
  const file = join(dir, 'bundle.cjs');
  writeFileSync(file, source);
  return { dir, file, options: (id = 'aaaa') => ({ file, id, cacheDir: join(dir, 'cache'), importer: (s) => import(s) }) };
}

// V8 compiles a function when it first runs: call everything, so the saved code holds it
async function exercise(exports: Fixture): Promise<void> {
  expect(exports.double(21)).toBe(42);
  expect((await exports.loadPath()).join('a', 'b')).toBe(join('a', 'b'));
}

describe('loadCached', () => {
  it('runs the file as CommonJS: module.exports, require, __filename and __dirname of the file', async () => {
    const { dir, file, options } = fixture();
    const loaded = loadCached<Fixture>(options());
    expect(loaded.exports.here).toBe(`${file}|${dir}|function`);
    await exercise(loaded.exports);
  });

  it('saves the compiled code after a run, and the next load uses it; import() still works from the cache', async () => {
    const { options } = fixture();
    const first = loadCached<Fixture>(options());
    expect(first.cache).toBe('absent');
    await exercise(first.exports);
    expect(first.save()).toBe(true);
    expect(existsSync(cacheFileOf(options().cacheDir!, options().file, 'aaaa'))).toBe(true);

    const second = loadCached<Fixture>(options());
    expect(second.cache).toBe('used');
    // the reason for the binding: a plain import() in a script compiled from a code cache throws
    // ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING on Node 20
    await exercise(second.exports);
    // a run that used the cache has nothing new to save
    expect(second.save()).toBe(false);
  });

  it('never offers V8 a cache made from other content: the cache file is named by the content id', async () => {
    const { options } = fixture();
    const a = loadCached<Fixture>(options('aaaa'));
    await exercise(a.exports);
    a.save();
    const b = loadCached<Fixture>(options('bbbb'));
    expect(b.cache).toBe('absent');
    await exercise(b.exports);
  });

  it('a damaged cache file is refused by V8: the code compiles as usual, and the next save replaces it', async () => {
    const { options } = fixture();
    const path = cacheFileOf(options().cacheDir!, options().file, 'aaaa');
    mkdirSync(options().cacheDir!, { recursive: true });
    writeFileSync(path, Buffer.alloc(4096, 7));
    const damaged = loadCached<Fixture>(options());
    expect(damaged.cache).toBe('rejected');
    await exercise(damaged.exports);
    expect(damaged.save()).toBe(true);
    expect(readFileSync(path).equals(Buffer.alloc(4096, 7))).toBe(false);
    expect(loadCached<Fixture>(options()).cache).toBe('used');
  });

  it('without a cache folder nothing is read or written', async () => {
    const { dir, file } = fixture();
    const loaded = loadCached<Fixture>({ file, id: 'aaaa', importer: (s) => import(s) });
    expect(loaded.cache).toBe('off');
    await exercise(loaded.exports);
    expect(loaded.save()).toBe(false);
    expect(readdirSync(dir)).toEqual(['bundle.cjs']);
  });

  it('a folder it cannot write costs the cache, never the run: the save fails quietly, leaving no temporary file', async () => {
    const { dir, file } = fixture();
    const notADir = join(dir, 'cache');
    writeFileSync(notADir, 'a file where the folder should be');
    const loaded = loadCached<Fixture>({ file, id: 'aaaa', cacheDir: notADir, importer: (s) => import(s) });
    await exercise(loaded.exports);
    expect(loaded.save()).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['bundle.cjs', 'cache']);
  });

  it("keeps the file's own line numbers in stack traces", () => {
    const { file, options } = fixture();
    const loaded = loadCached<Fixture>(options());
    expect(() => loaded.exports.throwAtLine3()).toThrow('line three');
    try {
      loaded.exports.throwAtLine3();
    } catch (e) {
      expect((e as Error).stack).toContain(`${file}:3:`);
    }
  });

  it('reads a bundle that is not ASCII as UTF-8', () => {
    const { options } = fixture(`module.exports.word = 'déjà vu';\n`);
    expect(loadCached<{ word: string }>(options()).exports.word).toBe('déjà vu');
  });
});
