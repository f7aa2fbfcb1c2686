/**
 * The drizzle schema's exports, as drizzle-kit collects them: every schema file imported (TypeScript
 * through tsx's `tsImport`, a fresh module each time, so an edited file is read as it is now) and
 * their exports put together, each table once even when several files re-export it.
 */
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DrizzleProjectError } from './errors.js';
import { syntaxLocation } from './syntax-location.js';

const DDL_KINDS = /^Pg(Table|Schema|Sequence|View|MaterializedView|Role|Policy)$/;

/** The drizzle entity kind of a value ('PgTable', 'Relations'…), or 'PgEnum' for pgEnum's tagged function. */
function entityKind(value: unknown): string | undefined {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined;
  if (Symbol.for('drizzle:isPgEnum') in value) return 'PgEnum';
  const kind = (value.constructor as unknown as { [k: symbol]: unknown } | undefined)?.[Symbol.for('drizzle:entityKind')];
  return typeof kind === 'string' ? kind : undefined;
}

/**
 * Imports the schema files and returns one record of their exports for drizzle-kit's
 * `generateDrizzleJson`. A file that does not load is a {@link DrizzleProjectError} naming it.
 */
export async function importDrizzleSchema(files: readonly string[]): Promise<Record<string, unknown>> {
  const { tsImport } = await import('tsx/esm/api');
  const values = new Set<unknown>();
  for (const file of files) {
    let ns: Record<string, unknown>;
    try {
      ns = (await tsImport(pathToFileURL(file).href, import.meta.url)) as Record<string, unknown>;
    } catch (e) {
      const where = relative(process.cwd(), file) || file;
      const at = (e as Error)?.name === 'SyntaxError' ? await syntaxLocation(file) : undefined;
      const message = `${String((e as Error)?.message ?? e).trim()}${at ? `\n${at}` : ''}`;
      throw new DrizzleProjectError(`cannot load the drizzle schema ${where}: ${message}\nfix the file and run dbm generate again (nothing was written)`, file);
    }
    // a CommonJS schema arrives as { default: module.exports } besides its named exports
    const exports = { ...(ns.default && typeof ns.default === 'object' && entityKind(ns.default) === undefined ? (ns.default as Record<string, unknown>) : {}), ...ns };
    for (const value of Object.values(exports)) values.add(value);
  }
  const merged: Record<string, unknown> = {};
  let i = 0;
  for (const value of values) merged[`export${i++}`] = value;
  return merged;
}

/** How many of the exports drizzle-kit turns into DDL (tables, enums, schemas…): zero means a wrong schema path, not an empty database. */
export function countDrizzleEntities(exports: Record<string, unknown>): number {
  return Object.values(exports).filter((v) => {
    const kind = entityKind(v);
    return kind === 'PgEnum' || (kind !== undefined && DDL_KINDS.test(kind));
  }).length;
}
