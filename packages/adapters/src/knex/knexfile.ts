/**
 * The knexfile, found and loaded as knex's CLI loads it (CommonJS, ESM or TypeScript, through tsx), with
 * the environment knex would pick: NODE_ENV, else `development`; a file without environments is used whole.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { exists } from '../code/probe.js';
import { importMigrationFile } from '../code/load-module.js';
import { DetectionError } from '../detection-error.js';

/** The knexfile names knex's CLI looks for, in the order dbm prefers them. */
export const KNEXFILE_NAMES: readonly string[] = ['knexfile.js', 'knexfile.cjs', 'knexfile.mjs', 'knexfile.ts'];

/** Keys that mark a flat knexfile (one config, no environments). */
const CONFIG_KEYS = ['client', 'connection', 'migrations', 'pool', 'searchPath', 'useNullAsDefault'];

/** A loaded knexfile: its path, source text, and the configuration of the chosen environment. */
export interface Knexfile {
  readonly path: string;
  readonly source: string;
  /** The environment used; undefined for a flat knexfile. */
  readonly environment?: string;
  readonly config: Readonly<Record<string, unknown>>;
}

/** The knexfile in `root`, if there is one. */
export function findKnexfile(root: string): string | undefined {
  return KNEXFILE_NAMES.map((name) => path.join(root, name)).find(exists);
}

// node reports a JavaScript syntax error without its place; `node --check` prints `file:line` first.
// child_process is loaded here, on this error path only: loading it costs every status run ~3 ms.
async function syntaxErrorPlace(file: string): Promise<string | undefined> {
  if (file.endsWith('.ts')) return undefined;
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => {
    execFile(process.execPath, ['--check', file], { timeout: 10_000 }, (_err, _out, stderr) => {
      const first = String(stderr).split('\n')[0] ?? '';
      resolve(/:\d+$/.test(first) ? first : undefined);
    });
  });
}

async function loadModule(file: string): Promise<unknown> {
  try {
    const ns = await importMigrationFile(file);
    // ESM: the default export; CommonJS: module.exports (importMigrationFile already unwrapped it)
    return 'default' in ns && ns.default !== undefined ? ns.default : ns;
  } catch (e) {
    const err = e as Error;
    const place = err instanceof SyntaxError ? await syntaxErrorPlace(file) : undefined;
    throw new DetectionError(
      `cannot load the knexfile ${place ?? file}: ${err.name === 'Error' ? '' : `${err.name}: `}${err.message}; ` +
        'fix the file (knex itself cannot load it either), or pass --orm knex --dir <migrations folder>',
      [],
    );
  }
}

/** The environment knex would use from a knexfile that exports several. */
function chooseEnvironment(file: string, all: Record<string, unknown>): { environment?: string; config: Record<string, unknown> } {
  if (CONFIG_KEYS.some((k) => k in all)) return { config: all };
  const environment = process.env.NODE_ENV || 'development';
  const config = all[environment];
  if (config && typeof config === 'object') return { environment, config: config as Record<string, unknown> };
  const names = Object.keys(all).filter((k) => all[k] && typeof all[k] === 'object');
  throw new DetectionError(
    `the knexfile ${file} has no "${environment}" environment${names.length ? ` (it has ${names.join(', ')})` : ''}: ` +
      `set NODE_ENV to one of them${names.length ? '' : ', or export the configuration itself'}`,
    [],
  );
}

/** Loads `file` and picks the environment. Throws a DetectionError naming the file when it cannot be used. */
export async function loadKnexfile(file: string): Promise<Knexfile> {
  const source = await readFile(file, 'utf8');
  let exported = await loadModule(file);
  // knex accepts a knexfile that exports a function (or a promise) of the configuration
  if (typeof exported === 'function') exported = await (exported as () => unknown)();
  exported = await exported;
  if (!exported || typeof exported !== 'object') {
    throw new DetectionError(`the knexfile ${file} exports no configuration object: export { client, connection, migrations } (or one per environment)`, []);
  }
  const { environment, config } = chooseEnvironment(file, exported as Record<string, unknown>);
  return { path: file, source, ...(environment ? { environment } : {}), config };
}
