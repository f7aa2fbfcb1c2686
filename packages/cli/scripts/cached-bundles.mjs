// The CommonJS bundles bin/dbm.js runs through V8's code cache (src/compile-cache.ts), and the loader that
// runs them. Node 20 keeps no compiled code for ES modules between runs: loading and compiling the ES module
// chunks dbm was split into cost about as much as a whole `dbm status` (bench/verb-overhead).
// - fast.cjs: `dbm status` alone (src/fast-main.ts), ~400 KB: the status command, detection, the ledgers, pg.
// - dbm.cjs: the whole CLI (src/bin.ts), for every other run.
// - loader.cjs: src/bundle-loader.ts, which names each bundle's cache by the bundle's hash.
// - fast.modules.json: the modules fast.cjs holds, for the test that keeps it to what status needs.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import * as lexer from 'es-module-lexer';
import { IMPORT_BINDING } from '../dist/compile-cache.js';

// what a bundle's `import.meta.url` becomes: its own URL, so packages resolve from dist/bundle (through its
// node_modules links) as they did from the ES module chunks that lived there
const URL_BINDING = '__dbmImportMetaUrl';

/**
 * Every `import()` left in a bundle (third-party packages, the user's config files) as a call of the
 * loader's import function: a script compiled from a code cache loses Node's import callback. A static
 * import or import.meta left over is a bundling mistake, reported rather than shipped.
 */
async function callTheLoadersImport(name, source) {
  await lexer.init;
  const [found] = lexer.parse(source);
  let out = '';
  let last = 0;
  for (const spec of found) {
    if (spec.d === -2) throw new Error(`${name}: import.meta left at offset ${spec.s}`);
    if (spec.d < 0) throw new Error(`${name}: a static import left at offset ${spec.ss}: a CommonJS bundle has none`);
    out += `${source.slice(last, spec.ss)}${IMPORT_BINDING}`;
    last = spec.ss + 'import'.length;
  }
  return out + source.slice(last);
}

/** Bundles `entry` (a compiled module of the CLI) into `outdir`/`name`; gives its content hash and module list. */
async function cachedBundle({ outdir, root, plugins }, entry, name) {
  const file = join(outdir, name);
  const result = await build({
    entryPoints: [join(root, 'dist', entry)],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // yargs' help layout measures every line with string-width, whose emoji regex costs ~12 ms to build at
    // each start; fast-string-width gives the same widths for the text dbm prints, without the regex
    alias: { 'string-width': 'fast-string-width' },
    // aliases resolve from here: the CLI package, where fast-string-width is installed
    absWorkingDir: root,
    define: { 'import.meta.url': URL_BINDING },
    banner: { js: `var ${URL_BINDING} = require('node:url').pathToFileURL(__filename).href;` },
    // no comments and ASCII only: a third less to read, and the loader makes the string without decoding
    // UTF-8 (identifiers stay, so a stack trace still names its functions)
    minifyWhitespace: true,
    legalComments: 'none',
    charset: 'ascii',
    metafile: true,
    plugins,
    logLevel: 'warning',
  });
  const source = await callTheLoadersImport(name, readFileSync(file, 'utf8'));
  writeFileSync(file, source);
  return { id: createHash('sha256').update(source).digest('hex').slice(0, 16), modules: Object.keys(result.metafile.inputs).sort() };
}

/** Builds fast.cjs, dbm.cjs and loader.cjs into `outdir`. */
export async function buildCachedBundles(options) {
  const fast = await cachedBundle(options, 'fast-main.js', 'fast.cjs');
  const full = await cachedBundle(options, 'bin.js', 'dbm.cjs');
  writeFileSync(join(options.outdir, 'fast.modules.json'), `${JSON.stringify(fast.modules, null, 1)}\n`);
  await build({
    entryPoints: [join(options.root, 'dist', 'bundle-loader.js')],
    outfile: join(options.outdir, 'loader.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    absWorkingDir: options.root,
    // the loader names each bundle's cache by this hash: a cache made from other content is never offered to V8
    define: { DBM_BUNDLE_IDS: JSON.stringify({ fast: fast.id, full: full.id }) },
    logLevel: 'warning',
  });
}
