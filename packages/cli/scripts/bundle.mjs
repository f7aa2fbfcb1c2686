#!/usr/bin/env node
// Bundles the compiled CLI (dist/bin.js, yargs and the command modules) into one file, so `dbm` starts
// without resolving a hundred modules. The packages a command needs (@dbm/core, @dbm/adapters and the
// ORMs) stay outside the bundle: they are imported only when a command runs, keeping `dbm --help` fast.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await build({
  entryPoints: [join(root, 'dist', 'bin.js')],
  outfile: join(root, 'dist', 'dbm.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['@dbm/core', '@dbm/adapters'],
  banner: { js: "import { createRequire as __dbmRequire } from 'node:module'; const require = __dbmRequire(import.meta.url);" },
  logLevel: 'warning',
});
