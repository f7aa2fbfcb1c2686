/**
 * Loads drizzle.config.* the way drizzle-kit does: TypeScript and JavaScript through a TypeScript
 * runner (tsx's `tsImport`, so nothing is registered globally), JSON as JSON. Only the fields dbm
 * uses are read; they are checked, so a typo surfaces here with the file named.
 */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DrizzleProjectError } from './errors.js';
import { syntaxLocation } from './syntax-location.js';
import { noteImport } from '../cache/imports.js';

/** The part of drizzle-kit's config dbm reads. */
export interface DrizzleConfig {
  /** 'postgresql', 'mysql', 'sqlite', 'turso', 'singlestore', 'gel'. */
  readonly dialect?: string;
  /** A file, folder or glob, or a list of them. */
  readonly schema?: string | readonly string[];
  /** The migrations folder; drizzle-kit's default is 'drizzle'. */
  readonly out?: string;
  readonly breakpoints?: boolean;
  readonly casing?: 'snake_case' | 'camelCase';
  readonly dbCredentials?: Readonly<Record<string, unknown>>;
  readonly migrations?: { readonly table?: string; readonly schema?: string; readonly prefix?: string };
}

/** The loaded config and the source text (dbm reads the text to find which variable holds the URL). */
export interface LoadedDrizzleConfig {
  readonly path: string;
  readonly config: DrizzleConfig;
  readonly text: string;
}

const where = (path: string) => relative(process.cwd(), path) || path;

async function evaluate(path: string): Promise<unknown> {
  if (path.endsWith('.json')) return JSON.parse(await readFile(path, 'utf8')) as unknown;
  const { tsImport } = await import('tsx/esm/api');
  const ns = (await tsImport(pathToFileURL(path).href, { parentURL: import.meta.url, onImport: noteImport })) as { default?: unknown };
  // `export default` of a TypeScript file in a CommonJS package arrives as default.default
  let value = ns.default ?? ns;
  const inner = (value as { default?: unknown } | null)?.default;
  if (inner && typeof inner === 'object' && !('dialect' in (value as object))) value = inner;
  return value;
}

function check(path: string, value: unknown): DrizzleConfig {
  const fail = (what: string) => new DrizzleProjectError(`${where(path)}: ${what}`, path);
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw fail('the config exports no object (export default defineConfig({ ... }))');
  const c = value as Record<string, unknown>;
  const optionalString = (v: unknown, name: string) => {
    if (v !== undefined && typeof v !== 'string') throw fail(`"${name}" must be a string`);
  };
  optionalString(c.dialect, 'dialect');
  optionalString(c.out, 'out');
  if (c.schema !== undefined && typeof c.schema !== 'string' && !(Array.isArray(c.schema) && c.schema.every((s) => typeof s === 'string'))) {
    throw fail('"schema" must be a path or a list of paths');
  }
  const m = c.migrations as Record<string, unknown> | undefined;
  if (m !== undefined && (typeof m !== 'object' || m === null)) throw fail('"migrations" must be an object ({ table, schema, prefix })');
  optionalString(m?.table, 'migrations.table');
  optionalString(m?.schema, 'migrations.schema');
  optionalString(m?.prefix, 'migrations.prefix');
  if (c.dbCredentials !== undefined && (typeof c.dbCredentials !== 'object' || c.dbCredentials === null)) throw fail('"dbCredentials" must be an object');
  return c as DrizzleConfig;
}

// one process describes the project, then generates: load each version of a config once
const loaded = new Map<string, { text: string; config: DrizzleConfig }>();

/** Loads and checks a drizzle config. Throws {@link DrizzleProjectError} naming the file when it does not load. */
export async function loadDrizzleConfig(path: string): Promise<LoadedDrizzleConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new DrizzleProjectError(`cannot read ${where(path)}: ${(e as Error).message}`, path);
  }
  const seen = loaded.get(path);
  if (seen?.text === text) return { path, config: seen.config, text };
  let value: unknown;
  try {
    value = await evaluate(path);
  } catch (e) {
    const at = (e as Error)?.name === 'SyntaxError' ? await syntaxLocation(path) : undefined;
    const message = `${String((e as Error)?.message ?? e).trim()}${at ? `\n${at}` : ''}`;
    throw new DrizzleProjectError(`cannot load ${where(path)}: ${message}\nfix the file (drizzle-kit cannot load it either), or pass --orm drizzle --dir <migrations folder>`, path);
  }
  const config = check(path, value);
  loaded.set(path, { text, config });
  return { path, config, text };
}
