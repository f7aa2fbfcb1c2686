/**
 * Prisma's own schema engine, run in process: @prisma/schema-engine-wasm over @prisma/adapter-pg.
 * The Prisma CLI's native engine is a binary downloaded at install time, which is not always
 * possible; the wasm build is the same engine (migrate deploy, migrate status, migrate diff) and
 * needs nothing but the npm packages. dbm uses it to generate migrations (diff) and to check that
 * Prisma agrees with what dbm did.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import { bindForEngine } from './bind.js';
import { charAwarePool, withCharColumns } from './char-columns.js';

export type { SchemaEngine } from '@prisma/schema-engine-wasm';

/** The JavaScript half of the wasm package: the engine class, once the wasm is attached. */
interface EngineBindings {
  readonly SchemaEngine: typeof SchemaEngine;
  version(): string;
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
}

/** Options of {@link openPrismaEngine}. */
export interface PrismaEngineOptions {
  /** The Prisma schema files ({ path, content }); a bare PostgreSQL datasource when absent. */
  readonly schemaFiles?: readonly { readonly path: string; readonly content: string }[];
  /** The @prisma/schema-engine-wasm package folder to load; the one dbm depends on when absent. */
  readonly packageDir?: string;
  /** Receives the engine's log lines. */
  readonly debug?: (line: string) => void;
}

/** A running engine bound to one database. */
export interface PrismaEngine {
  readonly engine: SchemaEngine;
  /** The engine's version (the prisma-engines commit it was built from). */
  readonly version: string;
  /** Frees the engine and closes its connections. */
  close(): Promise<void>;
}

/** The folder of the @prisma/schema-engine-wasm package dbm depends on. */
export function defaultEnginePackageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm'));
}

// The bindings module keeps the wasm instance in a module-level variable: one instance per package folder.
const loaded = new Map<string, Promise<EngineBindings>>();

/** The message of the engine's last panic (a Rust panic ends the call with a bare "unreachable"). */
let lastPanic: string | undefined;

/**
 * The engine reports a panic's message to this global before it aborts; without it the report itself
 * throws a TypeError and the message is lost.
 */
function registerPanics(): void {
  const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
  g.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message: string) {
      lastPanic = message;
    },
  };
}

/** The engine's last panic message, if any, and forgets it. */
export function takeEnginePanic(): string | undefined {
  const message = lastPanic;
  lastPanic = undefined;
  return message;
}

/**
 * Instantiates the wasm by hand: the package's entry point imports the .wasm file as an ES module,
 * which Node 20 cannot do, so the bytes are read and given the bindings module as their import.
 */
async function instantiate(dir: string): Promise<EngineBindings> {
  const bindings = (await import(pathToFileURL(join(dir, 'schema_engine_bg.js')).href)) as EngineBindings;
  const bytes = await readFile(join(dir, 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bindings as unknown as WebAssembly.ModuleImports });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bindings;
}

/** Loads the engine module from `dir` (once per folder). */
export function loadEngineModule(dir = defaultEnginePackageDir()): Promise<EngineBindings> {
  let module = loaded.get(dir);
  if (!module) {
    module = instantiate(dir);
    loaded.set(dir, module);
  }
  return module;
}

const BARE_SCHEMA = 'datasource db {\n  provider = "postgresql"\n}\n';

/** Starts Prisma's schema engine on the database at `url`. Close it when done. */
export async function openPrismaEngine(url: string, options: PrismaEngineOptions = {}): Promise<PrismaEngine> {
  registerPanics();
  const bindings = await loadEngineModule(options.packageDir);
  const ignore = () => undefined; // a connection dropped by the server must not crash the process
  const pool = charAwarePool({ connectionString: url, application_name: 'dbm-prisma-engine' });
  pool.on('error', ignore);
  const factory = new PrismaPg(pool, { onPoolError: ignore, onConnectionError: ignore });
  // the adapters the engine opens, to release their pools on close (the engine does not always)
  const opened: { dispose(): Promise<void> }[] = [];
  const track = async (open: Promise<{ dispose(): Promise<void> }>) => {
    const adapter = await open;
    opened.push(adapter);
    return withCharColumns(adapter);
  };
  const bound = bindForEngine({
    adapterName: factory.adapterName,
    provider: factory.provider,
    connect: () => track(factory.connect()),
    connectToShadowDb: () => track(factory.connectToShadowDb()),
  });
  const files = options.schemaFiles ?? [{ path: 'schema.prisma', content: BARE_SCHEMA }];
  const engine = await bindings.SchemaEngine.new(
    { datamodels: files.map((f): [string, string] => [f.path, f.content]) },
    options.debug ?? ignore,
    bound,
  );
  return {
    engine,
    version: bindings.version(),
    async close() {
      engine.free();
      for (const adapter of opened.splice(0)) await adapter.dispose().catch(ignore);
      await pool.end().catch(ignore);
    },
  };
}
