#!/usr/bin/env node
// CommonJS (bin/package.json says so): starting dbm loads none of Node's ES module machinery. dbm runs from
// its CommonJS bundles through V8's code cache (dist/bundle/loader.cjs): `dbm status` from fast.cjs, which
// holds status alone, and everything else (or a status whose arguments need the full CLI) from dbm.cjs.
// Without a bundle (the packages compiled, not bundled) it runs the compiled modules.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const argv = process.argv.slice(2);
const bundle = join(__dirname, '..', 'dist', 'bundle');

async function run() {
  const loaderFile = join(bundle, 'loader.cjs');
  if (!existsSync(loaderFile)) {
    const { main } = await import(pathToFileURL(join(__dirname, '..', 'dist', 'bin.js')).href);
    return main(argv);
  }
  const loader = require(loaderFile);
  if (argv[0] === 'status') {
    const code = await loader.runFastBundle(argv, bundle);
    if (code !== undefined) return code;
    return loader.runFullBundle(argv, bundle, false);
  }
  return loader.runFullBundle(argv, bundle, true);
}

run().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    // a bundle failed to load (main() reports every error of a run itself)
    process.stderr.write(`dbm: internal error: ${e && e.message ? e.message : String(e)}\n(please report it)\n`);
    process.exitCode = 1;
  },
);
