// dist/bundle/fast.cjs: `dbm status` as one CommonJS file, which bin/dbm.js runs through V8's code cache
// (src/compile-cache.ts), and dist/bundle/fast-loader.cjs, which loads it. Node 20 keeps no compiled code
// for ES modules between runs: loading and compiling the ~30 chunks of a status run cost about as much as
// the rest of the run (bench/verb-overhead).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import * as lexer from 'es-module-lexer';
import { IMPORT_BINDING } from '../dist/compile-cache.js';

// what the bundle's `import.meta.url` becomes: its own URL, as the ES module chunks beside it see theirs
// (packages resolve from that folder, through its node_modules links)
const URL_BINDING = '__dbmImportMetaUrl';

/**
 * Every `import()` left in the bundle (third-party packages, the user's config files) as a call of the
 * loader's import function: a script compiled from a code cache loses Node's import callback. A static
 * import or import.meta left over is a bundling mistake, reported rather than shipped.
 */
async function callTheLoadersImport(source) {
  await lexer.init;
  const [found] = lexer.parse(source);
  let out = '';
  let last = 0;
  for (const spec of found) {
    if (spec.d === -2) throw new Error(`fast.cjs: import.meta left at offset ${spec.s}`);
    if (spec.d < 0) throw new Error(`fast.cjs: a static import left at offset ${spec.ss}: a CommonJS bundle has none`);
    out += `${source.slice(last, spec.ss)}${IMPORT_BINDING}`;
    last = spec.ss + 'import'.length;
  }
  return out + source.slice(last);
}

/** Builds fast.cjs, fast.modules.json (what it holds) and fast-loader.cjs into `outdir`. */
export async function buildFastBundle({ outdir, root, plugins }) {
  const fast = join(outdir, 'fast.cjs');
  const result = await build({
    entryPoints: [join(root, 'dist', 'fast-main.js')],
    outfile: fast,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    alias: { 'string-width': 'fast-string-width' },
    absWorkingDir: root,
    define: { 'import.meta.url': URL_BINDING },
    banner: { js: `var ${URL_BINDING} = require('node:url').pathToFileURL(__filename).href;` },
    // no comments and ASCII only: a third less to read, and the loader makes the string without decoding UTF-8
    // (identifiers stay, so a stack trace still names its functions)
    minifyWhitespace: true,
    legalComments: 'none',
    charset: 'ascii',
    // the modules in it, for the test that keeps it to what status needs (src/fast-bundle.test.ts)
    metafile: true,
    plugins,
    logLevel: 'warning',
  });
  const source = await callTheLoadersImport(readFileSync(fast, 'utf8'));
  writeFileSync(fast, source);
  writeFileSync(join(outdir, 'fast.modules.json'), `${JSON.stringify(Object.keys(result.metafile.inputs).sort(), null, 1)}\n`);
  // the loader names the cache by this hash: a cache made from other content is never offered to V8
  const id = createHash('sha256').update(source).digest('hex').slice(0, 16);
  await build({
    entryPoints: [join(root, 'dist', 'fast-loader.js')],
    outfile: join(outdir, 'fast-loader.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    absWorkingDir: root,
    define: { DBM_FAST_ID: JSON.stringify(id) },
    logLevel: 'warning',
  });
}
