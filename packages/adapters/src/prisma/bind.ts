/**
 * The calling convention Prisma's wasm schema engine expects from a driver adapter. The engine never
 * sees a thrown JavaScript error: every adapter method must resolve to a result object
 * (`{ ok: true, value }` or `{ ok: false, error }`), and an error the adapter did not classify is
 * parked in a registry the engine reads back by id. A PostgreSQL error that @prisma/adapter-pg did
 * classify (a DriverAdapterError) must be passed through as its `cause`, because the engine decides
 * things from it, e.g. "the migrations table does not exist yet" while listing applied migrations.
 */
/** The part of a migration-aware adapter factory (e.g. PrismaPg) that the binding uses. */
export interface MigrationAdapterFactory {
  readonly adapterName: string;
  readonly provider: string;
  connect(): Promise<object>;
  connectToShadowDb(): Promise<object>;
}

/** What the engine gets back from every adapter call. */
export type EngineResult<T> =
  | { readonly ok: true; readonly value: T; map<U>(fn: (value: T) => U): EngineResult<U> }
  | { readonly ok: false; readonly error: unknown; map<U>(fn: (value: T) => U): EngineResult<U> };

function success<T>(value: T): EngineResult<T> {
  return { ok: true, value, map: (fn) => success(fn(value)) };
}

function failure<T>(error: unknown): EngineResult<T> {
  return { ok: false, error, map: () => failure(error) };
}

/** Where unclassified errors wait until the engine asks for them by id. */
class ErrorRegistry {
  private readonly errors: { error: unknown }[] = [];

  register(error: unknown): number {
    this.errors.push({ error });
    return this.errors.length - 1;
  }

  /** Called by the engine. Entries are kept: the engine may ask for the same id more than once. */
  consumeError(id: number): { error: unknown } | undefined {
    return this.errors[id];
  }
}

function isClassified(error: unknown): error is { cause: unknown } {
  const e = error as { name?: unknown; cause?: unknown } | null;
  return e?.name === 'DriverAdapterError' && typeof e.cause === 'object';
}

type Method = (...args: never[]) => unknown;

/** Turns a method into one that resolves to a result instead of throwing. */
function guard(registry: ErrorRegistry, fn: Method, then: (value: unknown) => unknown = (v) => v) {
  return async (...args: never[]): Promise<EngineResult<unknown>> => {
    try {
      return success(then(await fn(...args)));
    } catch (error) {
      return failure(isClassified(error) ? error.cause : { kind: 'GenericJs', id: registry.register(error) });
    }
  };
}

/** A copy of `target` whose listed methods (those it has) are guarded. */
function guardAll(registry: ErrorRegistry, target: object, methods: readonly string[], extra: Record<string, unknown> = {}) {
  const source = target as Record<string, unknown>;
  const bound: Record<string, unknown> = {
    adapterName: source.adapterName,
    provider: source.provider,
    errorRegistry: registry,
    ...extra,
  };
  for (const name of methods) {
    const fn = source[name];
    if (typeof fn === 'function' && !(name in bound)) bound[name] = guard(registry, fn.bind(target) as Method);
  }
  return bound;
}

const QUERYABLE = ['queryRaw', 'executeRaw'];
const TRANSACTION = [...QUERYABLE, 'commit', 'rollback', 'createSavepoint', 'rollbackToSavepoint', 'releaseSavepoint'];

function bindTransaction(registry: ErrorRegistry, tx: object) {
  return guardAll(registry, tx, TRANSACTION, { options: (tx as { options?: unknown }).options });
}

function bindAdapter(registry: ErrorRegistry, adapter: object) {
  const a = adapter as { startTransaction: Method; getConnectionInfo?: () => unknown };
  const extra: Record<string, unknown> = {
    startTransaction: guard(registry, a.startTransaction.bind(adapter) as Method, (tx) => bindTransaction(registry, tx as object)),
  };
  if (a.getConnectionInfo) {
    // the one synchronous method: its result is returned directly, not as a promise
    const info = a.getConnectionInfo.bind(adapter);
    extra.getConnectionInfo = () => {
      try {
        return success(info());
      } catch (error) {
        return failure({ kind: 'GenericJs', id: registry.register(error) });
      }
    };
  }
  return guardAll(registry, adapter, [...QUERYABLE, 'executeScript', 'dispose'], extra);
}

/** Wraps a PrismaPg factory the way the schema engine expects (main and shadow database connections). */
export function bindForEngine(factory: MigrationAdapterFactory): object {
  const registry = new ErrorRegistry();
  const connect = (fn: () => Promise<unknown>) => guard(registry, fn as Method, (adapter) => bindAdapter(registry, adapter as object));
  return {
    adapterName: factory.adapterName,
    provider: factory.provider,
    errorRegistry: registry,
    connect: connect(() => factory.connect()),
    connectToShadowDb: connect(() => factory.connectToShadowDb()),
  };
}
