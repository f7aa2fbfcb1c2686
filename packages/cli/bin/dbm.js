#!/usr/bin/env node
// CommonJS (bin/package.json says so): starting dbm loads none of Node's ES module machinery until a verb
// needs it. `dbm status` runs from one CommonJS bundle through V8's code cache (dist/bundle/fast-loader.cjs);
// every other verb, and a status whose arguments need the full CLI, loads the bundled ES modules, or the
// compiled modules when no bundle was built.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const argv = process.argv.slice(2);
const bundle = join(__dirname, '..', 'dist', 'bundle');

async function full(fast) {
  const bundled = join(bundle, 'dbm.mjs');
  const entry = existsSync(bundled) ? bundled : join(__dirname, '..', 'dist', 'bin.js');
  const { main } = await import(pathToFileURL(entry).href);
  return main(argv, { fast });
}

async function run() {
  const loader = join(bundle, 'fast-loader.cjs');
  if (argv[0] !== 'status' || !existsSync(loader)) return full(true);
  const code = await require(loader).runFastBundle(argv, bundle);
  return code === undefined ? full(false) : code;
}

run().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    // the bundle itself failed to load (main() reports every error of a run itself)
    process.stderr.write(`dbm: internal error: ${e && e.message ? e.message : String(e)}\n(please report it)\n`);
    process.exitCode = 1;
  },
);
