/**
 * Prisma's own SQL for a schema, from nothing: what `prisma migrate diff --from-empty
 * --to-schema-datamodel --script` prints, computed by the wasm schema engine without a database.
 * The schema reader builds its model from this SQL because it is, by definition, the database the
 * schema stands for, and it carries what the DMMF leaves out (foreign key names, enum schemas,
 * Unsupported columns, default literals as written).
 *
 * Rendering a script needs no data, but the engine opens its connector first and asks the server one
 * question (does the default schema exist, which version is it); this stand-in answers that question
 * as a PostgreSQL 15 server would and refuses everything else, so nothing reaches a real database.
 */
import { bindForEngine } from './bind.js';
import { loadEngineModule, takeEnginePanic } from './engine.js';
import { PrismaProjectError } from './project-error.js';

/** The probe the engine sends when its connector starts. */
const PROBE = /^SELECT EXISTS\(SELECT 1 FROM pg_namespace WHERE nspname = \$1\), version\(\)/;

// the driver adapter's column type codes (@prisma/driver-adapter-utils ColumnTypeEnum)
const BOOLEAN = 5;
const TEXT = 7;
const INT32 = 0;

function refuse(): Promise<never> {
  return Promise.reject(new Error('dbm renders Prisma SQL without a database; the schema engine asked for one'));
}

/** A driver adapter that answers the connector's probe and nothing else. */
function offlineAdapter(): Promise<object> {
  return Promise.resolve({
    adapterName: '@prisma/adapter-pg',
    provider: 'postgres',
    queryRaw(query: { sql: string }) {
      if (!PROBE.test(query.sql)) return refuse();
      return Promise.resolve({
        columnNames: ['exists', 'version', 'numeric_version'],
        columnTypes: [BOOLEAN, TEXT, INT32],
        rows: [[true, 'PostgreSQL 15.0', 150000]],
      });
    },
    executeRaw: refuse,
    executeScript: refuse,
    startTransaction: refuse,
    getConnectionInfo: () => ({ schemaName: 'public', supportsRelationJoins: true }),
    dispose: () => Promise.resolve(),
  });
}

/** Prisma's SQL creating everything `schema` describes, on an empty PostgreSQL database. */
export async function prismaCreateScript(schema: string, path = 'schema.prisma'): Promise<string> {
  const bindings = await loadEngineModule();
  const bound = bindForEngine({ adapterName: '@prisma/adapter-pg', provider: 'postgres', connect: offlineAdapter, connectToShadowDb: offlineAdapter });
  const files = [{ path, content: schema }];
  const ignore = () => undefined;
  let engine;
  try {
    engine = await bindings.SchemaEngine.new({ datamodels: [[path, schema]] }, ignore, bound);
    const result = await engine.diff({
      from: { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? '';
  } catch (e) {
    const panic = takeEnginePanic();
    const message = panic ? `the schema engine panicked: ${panic}` : ((e as Error)?.message ?? String(e)).split(/\n\s+0: /)[0]!.trim();
    throw new PrismaProjectError(`Prisma's schema engine could not render the schema as SQL: ${message}`, path);
  } finally {
    engine?.free();
  }
}
