/**
 * A knex project's migrations, found as knex's FsMigrations finds them: the files of the migration
 * directories whose extension knex loads, sorted by file name (all directories together unless
 * sortDirsSeparately), named by file name. Files are not loaded here, only when a runner runs or renders.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { MigrationSource } from '@dbm/core';
import { MigrationFolderError } from '../migration-folder-error.js';
import { KNEX_DEFAULT_EXTENSIONS, type KnexMigrationOptions } from './options.js';
import { knexRunner } from './runner.js';

interface Found {
  readonly file: string;
  readonly dir: string;
}

// knex sorts with lodash sortBy on the file name: code-unit order, stable for equal names
const byFile = (a: Found, b: Found): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

// synchronous, as every read of the migrations on a status run (code/probe.ts)
function listDir(dir: string): Found[] {
  try {
    return readdirSync(dir).map((file) => ({ file, dir }));
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new MigrationFolderError(`knex migrations directory not found: ${dir} (set migrations.directory in the knexfile, or pass the directory)`, dir);
    }
    throw e;
  }
}

/** The migrations of a knex project, in knex's order, each with a runner that runs it through knex. */
export async function readKnexMigrations(options: KnexMigrationOptions = {}): Promise<MigrationSource[]> {
  const cwd = options.cwd ?? process.cwd();
  const dirs = ([] as string[]).concat(options.directory ?? './migrations').map((d) => path.resolve(cwd, d));
  const extensions = options.loadExtensions ?? KNEX_DEFAULT_EXTENSIONS;
  const listed = dirs.map(listDir);
  const found = options.sortDirsSeparately ? listed.flatMap((files) => [...files].sort(byFile)) : listed.flat().sort(byFile);
  return found
    .filter((f) => extensions.includes(path.extname(f.file)))
    .map((f, order) => {
      const file = path.join(f.dir, f.file);
      return { name: f.file, checksum: '', order, path: file, runner: knexRunner(file, f.file, options), meta: { directory: f.dir } };
    });
}
