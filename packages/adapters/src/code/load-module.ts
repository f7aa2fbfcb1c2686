/**
 * Loads a migration file (TypeScript or JavaScript, ESM or CommonJS) the way the ORM's CLI would under a
 * TypeScript runner, without installing a global loader: tsx's namespaced ESM hooks compile it on the fly.
 */
import { pathToFileURL } from 'node:url';
import { moduleFormat } from './module-format.js';
import { noteImport } from '../cache/imports.js';

type Importer = { import: (specifier: string, parentURL: string) => Promise<unknown> };

// one namespace for the whole process: every registration adds loader hooks that are never removed,
// and a shared namespace also means a file read by `read` and run by its runner is the same module
let importer: Promise<Importer> | undefined;

function tsx(): Promise<Importer> {
  importer ??= import('tsx/esm/api').then(({ register }) => register({ namespace: 'dbm-code-migrations', onImport: noteImport }));
  return importer;
}

/**
 * What the ORM gets when it loads the file: `module.exports` for CommonJS (what `require` returns),
 * the module namespace for an ES module (what `import()` returns).
 */
export async function importMigrationFile(file: string): Promise<Record<string, unknown>> {
  const ns = (await (await tsx()).import(pathToFileURL(file).href, import.meta.url)) as Record<string, unknown>;
  if ((await moduleFormat(file)) === 'commonjs') return (ns.default ?? {}) as Record<string, unknown>;
  return ns;
}
