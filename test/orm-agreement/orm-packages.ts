/**
 * The ORMs themselves (knex, TypeORM) and tsx, loaded from the adapters package that depends on them:
 * the versions dbm's adapters are built and tested against, without adding them to this package.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const fromAdapters = createRequire(new URL('../../packages/adapters/package.json', import.meta.url));

/** `require(specifier)` as the adapters package resolves it. */
export function ormPackage<T>(specifier: string): T {
  return fromAdapters(specifier) as T;
}

/** `import(specifier)` of a package's ES module entry, as the adapters package resolves it. */
async function importFromAdapters<T>(pkg: string, subpath: string): Promise<T> {
  const manifest = fromAdapters.resolve(`${pkg}/package.json`);
  const exported = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports[subpath];
  if (!exported) throw new Error(`${pkg} exports no ${subpath}`);
  return (await import(pathToFileURL(join(dirname(manifest), exported.import.default)).href)) as T;
}

let registered = false;

/**
 * Gives this process a TypeScript loader, as a user running the ORM's own CLI under tsx has: knex and
 * TypeORM load the fixtures' .ts migrations with import().
 */
export async function registerTypeScriptLoader(): Promise<void> {
  if (registered) return;
  (await importFromAdapters<{ register(): unknown }>('tsx', './esm/api')).register();
  registered = true;
}
