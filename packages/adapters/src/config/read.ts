/**
 * Reads what a config file exports, with lilconfig (one loader per extension: native import for .js,
 * .mjs and .cjs, JSON for .json) and jiti for .ts and .mts, which compiles TypeScript in process with no
 * global loader hook. Imported only when a config file exists.
 */
import { lilconfig, type Loader } from 'lilconfig';
import { ConfigError } from './errors.js';
import type { ConfigSource } from './find.js';

/** jiti, created once and only for a TypeScript config; its transform cache makes later runs fast. */
let jiti: Promise<{ import: (id: string) => Promise<unknown> }> | undefined;

const typescript: Loader = async (file) => {
  // interopDefault off: with it, a module without a default export would pass its namespace off as one
  jiti ??= import('jiti').then(({ createJiti }) => createJiti(import.meta.url, { interopDefault: false }));
  const mod = (await (await jiti).import(file)) as Record<string, unknown>;
  // jiti marks an ES module's namespace with an own __esModule: take its default export (undefined when it
  // has none, reported below) rather than the namespace; a CommonJS file's module.exports is the config
  return Object.hasOwn(mod, '__esModule') ? mod.default : mod;
};

const explorer = lilconfig('dbm', { cache: false, loaders: { '.ts': typescript, '.mts': typescript } });

/** What the source holds: the file's default export (awaited), or package.json's `"dbm"` value. */
export async function readSource(source: ConfigSource): Promise<unknown> {
  if (source.kind === 'package.json') return source.value;
  let config: unknown;
  try {
    config = await (await explorer.load(source.file))?.config;
  } catch (e) {
    // the loader's message, on one line: a syntax error's position follows it on the next
    const message = ((e as Error)?.message ?? String(e)).replace(/\s+/g, ' ').trim().slice(0, 300);
    throw new ConfigError(`cannot load ${source.file}: ${message}`, source.file);
  }
  if (config === undefined && source.file.endsWith('.json')) {
    throw new ConfigError(`${source.file} is empty: write an object of settings, e.g. { "lockTimeout": "2s" }`, source.file);
  }
  if (config === undefined) {
    throw new ConfigError(`${source.file} exports no settings: give it a default export, e.g. export default defineConfig({ lockTimeout: "2s" })`, source.file);
  }
  return config;
}
