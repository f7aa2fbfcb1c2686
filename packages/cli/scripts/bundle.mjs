#!/usr/bin/env node
// Bundles the compiled CLI with @dbm/core and @dbm/adapters into dist/bundle/: two CommonJS files that
// bin/dbm.js runs through V8's code cache (cached-bundles.mjs), so a verb reads one file and compiles almost
// nothing, instead of resolving hundreds of modules. fast.cjs holds `dbm status` alone; dbm.cjs the whole CLI.
//
// Third-party packages stay outside the bundles (they ship wasm, workers and files read at run time). The
// bundles load them by bare name from dist/bundle/, so dist/bundle/node_modules links every package the
// core and adapters packages have installed: whatever they can import, the bundles can too.
import { existsSync, lstatSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCachedBundles } from './cached-bundles.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packages = join(root, '..');
const final = join(root, 'dist', 'bundle');
// built beside the old bundle and swapped in with renames, so a dbm running meanwhile never sees half of one
const outdir = `${final}.${process.pid}.tmp`;
const isBare = (p) => !p.startsWith('.') && !p.startsWith('/') && !p.startsWith('node:');
// the CLI's own dependencies (yargs and what it needs) are bundled; the others' dependencies are not
const ownCode = (importer) => importer.startsWith(join(root, 'dist')) || importer.includes('/node_modules/');
const fromWorkspace = (importer) => importer.startsWith(join(packages, 'core')) || importer.startsWith(join(packages, 'adapters'));
// pg is bundled too: loading its ~30 CommonJS files one by one cost ~30 ms of every command that connects,
// against ~9 ms for the same code in a bundle. Its optional native binding stays outside (never installed).
// The Prisma engine's pool is the exception: @prisma/adapter-pg checks `instanceof pg.Pool` against its
// own copy of pg, so the module that builds that pool must import the installed pg, not the bundled one.
const bundledPackage = (p) => p === 'pg' || p.startsWith('pg/');
const needsInstalledPg = (importer) => importer.startsWith(join(packages, 'adapters', 'dist', 'prisma'));

// third-party packages stay outside, but for pg (see above) and the CLI's own dependencies; the workspace
// packages come from their compiled dist/, never their TypeScript sources (dbm-source is a condition of their
// package.json that esbuild never applies unless told)
const externalDependencies = {
  name: 'external-dependencies',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (!isBare(args.path) || args.path.startsWith('@dbm/')) return undefined;
      if (args.path === 'pg-native') return { path: args.path, external: true };
      if (bundledPackage(args.path) && !needsInstalledPg(args.importer)) return undefined;
      if (fromWorkspace(args.importer) && !ownCode(args.importer)) return { path: args.path, external: true };
      return undefined;
    });
  },
};

await buildCachedBundles({ outdir, root, plugins: [externalDependencies] });

// dist/bundle/node_modules: a link to each package installed for core and adapters (adapters' win)
const links = join(outdir, 'node_modules');
mkdirSync(links, { recursive: true });
const link = (from, name) => {
  const target = join(links, name);
  if (existsSync(target) || lstatSync(target, { throwIfNoEntry: false })) rmSync(target, { force: true });
  mkdirSync(dirname(target), { recursive: true });
  // relative, so a checkout that moves keeps a working bundle (the folder is renamed into place at the same depth)
  symlinkSync(relative(dirname(target), realpathSync(join(from, name))), target, 'dir');
};
for (const pkg of ['core', 'adapters']) {
  const modules = join(packages, pkg, 'node_modules');
  for (const entry of readdirSync(modules)) {
    if (entry.startsWith('.')) continue;
    if (entry.startsWith('@')) for (const scoped of readdirSync(join(modules, entry))) link(modules, `${entry}/${scoped}`);
    else link(modules, entry);
  }
}

const old = `${final}.${process.pid}.old`;
if (existsSync(final)) renameSync(final, old);
renameSync(outdir, final);
rmSync(old, { recursive: true, force: true });
