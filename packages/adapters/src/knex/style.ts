/**
 * The extension and module format of a new knex migration: `migrations.extension` as `knex migrate:make`
 * uses it (default js), kept to what `loadExtensions` loads; a `.js` file is CommonJS or ESM as Node will
 * load it (the nearest package.json "type").
 */
import path from 'node:path';
import { moduleFormat } from '../code/module-format.js';
import { KNEX_DEFAULT_EXTENSIONS } from './options.js';
import type { MigrationStyle } from './write.js';
import { KnexGenerateError } from './errors.js';

/** The extension (without the dot) and style of new migrations in `dir`. */
export async function migrationStyle(dir: string, extension = 'js', loadExtensions: readonly string[] = KNEX_DEFAULT_EXTENSIONS): Promise<{ ext: string; style: MigrationStyle }> {
  const candidates = [extension, 'js', 'cjs', 'mjs', 'ts'].filter((e) => ['js', 'cjs', 'mjs', 'ts'].includes(e));
  const ext = candidates.find((e) => loadExtensions.includes(`.${e}`));
  if (!ext) {
    throw new KnexGenerateError(`the knexfile's migrations.loadExtensions (${loadExtensions.join(', ')}) loads none of .js, .cjs, .mjs, .ts: dbm cannot write a migration knex would load`);
  }
  if (ext === 'cjs') return { ext, style: 'commonjs' };
  if (ext === 'mjs') return { ext, style: 'module' };
  if (ext === 'ts') return { ext, style: 'typescript' };
  return { ext, style: await moduleFormat(path.join(dir, `new.${ext}`)) };
}
