/**
 * prisma.config.ts (Prisma 7): where the schema and the migrations are, and where the database URL
 * comes from. The file is TypeScript that usually imports `defineConfig` and `env` from `prisma/config`,
 * so it is run the way the Prisma CLI runs it, compiled on the fly (tsx). `env('DATABASE_URL')` throws
 * when the variable is unset; detection must not need the database, so the variable it asks for is
 * recorded as the URL's source and the file is read again with a stand-in value.
 */
import { access } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { moduleFormat } from '../code/module-format.js';
import { PrismaProjectError } from './project-error.js';
import { noteImport } from '../cache/imports.js';

/** The names Prisma looks for, in its order, in the package directory. */
export const PRISMA_CONFIG_FILES = ['prisma.config.ts', 'prisma.config.mts', 'prisma.config.cts', 'prisma.config.js', 'prisma.config.mjs', 'prisma.config.cjs']
  .flatMap((name) => [name, join('.config', name.replace('prisma.config', 'prisma'))]);

/** What dbm uses from prisma.config.ts; paths absolute (Prisma resolves them from the config's folder). */
export interface PrismaConfig {
  readonly path: string;
  readonly schema?: string;
  readonly migrationsPath?: string;
  /** SQL Prisma runs on a fresh shadow database before the migrations (`migrations.initShadowDb`). */
  readonly initShadowDb?: string;
  /** The datasource URL's source, when the config has one. */
  readonly url?: { readonly env?: string; readonly value?: string };
  /** Tables and enums managed outside Prisma (`tables.external`, `enums.external`). */
  readonly externalTables: readonly string[];
  readonly externalEnums: readonly string[];
}

/** The shape of a Prisma config object, as far as dbm reads it. */
interface RawConfig {
  schema?: unknown;
  migrations?: { path?: unknown; initShadowDb?: unknown };
  datasource?: { url?: unknown };
  tables?: { external?: unknown };
  enums?: { external?: unknown };
}

/** The config file of the package in `root`, if it has one. */
export async function findPrismaConfig(root: string): Promise<string | undefined> {
  for (const name of PRISMA_CONFIG_FILES) {
    const path = join(root, name);
    if (await access(path).then(() => true, () => false)) return path;
  }
  return undefined;
}

const STAND_IN = 'dbm-unset-env:';
const MAX_ENV_RETRIES = 8;

/** The variable name of a `prisma/config` env() failure ("Cannot resolve environment variable: X."). */
function missingEnv(e: unknown): string | undefined {
  const err = e as { name?: unknown; message?: unknown };
  if (err?.name !== 'PrismaConfigEnvError' || typeof err.message !== 'string') return undefined;
  return /environment variable: ([^\s.]+)/.exec(err.message)?.[1];
}

/** Runs the config file (a fresh evaluation each time) and returns its default export. */
async function evaluate(path: string): Promise<unknown> {
  const { tsImport } = await import('tsx/esm/api');
  const ns = (await tsImport(pathToFileURL(path).href, { parentURL: import.meta.url, onImport: noteImport })) as { default?: unknown };
  // CommonJS: the namespace's default is module.exports, whose own default is the config
  const exported = (await moduleFormat(path)) === 'commonjs' ? (ns.default as { default?: unknown } | undefined)?.default ?? ns.default : ns.default;
  return exported;
}

/**
 * Evaluates the config; every variable `env()` reports missing gets a stand-in value for the next
 * evaluation. Returns the config and the stand-ins used (removed from process.env again).
 */
async function evaluateWithStandIns(path: string): Promise<{ config: unknown; standIns: Map<string, string> }> {
  const standIns = new Map<string, string>();
  // configs often `import 'dotenv/config'`, whose banner on stdout would corrupt `dbm ... --json`
  const quiet = process.env.DOTENV_CONFIG_QUIET === undefined;
  if (quiet) process.env.DOTENV_CONFIG_QUIET = 'true';
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        return { config: await evaluate(path), standIns };
      } catch (e) {
        const name = missingEnv(e);
        if (!name || standIns.has(name) || attempt >= MAX_ENV_RETRIES) throw e;
        standIns.set(name, `${STAND_IN}${name}`);
        process.env[name] = `${STAND_IN}${name}`;
      }
    }
  } finally {
    for (const name of standIns.keys()) delete process.env[name];
    if (quiet) delete process.env.DOTENV_CONFIG_QUIET;
  }
}

/** Where a configured URL comes from: a stand-in names its variable; a real value is matched to the variable holding it. */
function urlSource(url: unknown, standIns: Map<string, string>): PrismaConfig['url'] {
  if (typeof url !== 'string' || url === '') return undefined;
  for (const [name, value] of standIns) if (url.includes(value)) return { env: name };
  const holders = Object.keys(process.env).filter((k) => process.env[k] === url);
  const env = holders.includes('DATABASE_URL') ? 'DATABASE_URL' : holders.sort()[0];
  return env ? { env } : { value: url };
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Loads prisma.config.* from `root`; undefined when the package has none. Errors name the file and the fix. */
export async function loadPrismaConfig(root: string): Promise<PrismaConfig | undefined> {
  const path = await findPrismaConfig(root);
  if (!path) return undefined;
  const shown = relative(process.cwd(), path) || path;
  let loaded: { config: unknown; standIns: Map<string, string> };
  try {
    loaded = await evaluateWithStandIns(path);
  } catch (e) {
    const message = (e as Error)?.message ?? String(e);
    const hint = /Cannot find (module|package) 'prisma/.test(message)
      ? ' (install the project\'s dependencies first: the config imports the "prisma" package)'
      : '';
    throw new PrismaProjectError(`cannot load the Prisma config ${shown}: ${message.split('\n')[0]}${hint}`, path);
  }
  const raw = loaded.config as RawConfig | undefined;
  if (!raw || typeof raw !== 'object') {
    throw new PrismaProjectError(`the Prisma config ${shown} has no default export: export default defineConfig({ schema, migrations, datasource })`, path);
  }
  const dir = dirname(path);
  const at = (p: unknown) => (typeof p === 'string' && p !== '' ? resolve(dir, p) : undefined);
  const schema = at(raw.schema);
  const migrationsPath = at(raw.migrations?.path);
  const url = urlSource(raw.datasource?.url, loaded.standIns);
  const initShadowDb = raw.migrations?.initShadowDb;
  return {
    path,
    ...(schema ? { schema } : {}),
    ...(migrationsPath ? { migrationsPath } : {}),
    ...(typeof initShadowDb === 'string' && initShadowDb !== '' ? { initShadowDb } : {}),
    ...(url ? { url } : {}),
    externalTables: strings(raw.tables?.external),
    externalEnums: strings(raw.enums?.external),
  };
}
