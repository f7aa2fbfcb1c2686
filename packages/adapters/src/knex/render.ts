/**
 * The SQL a knex migration would run, found without a database: `up`/`down` get a knex instance (client
 * 'pg') whose client records each compiled query instead of sending it. Anything that needs an answer from
 * the database (a SELECT, hasTable/hasColumn, RETURNING) makes the migration unrenderable.
 */
import type { Knex } from 'knex';
import { inlineParams } from '../code/sql-literal.js';
import type { KnexMigrationModule } from './module.js';

/** A compiled query as knex hands it to the dialect (bindings already positioned as $1..$n). */
interface CompiledQuery {
  sql: string;
  bindings?: unknown[];
  method?: string;
  output?: unknown;
  returning?: unknown;
  response?: unknown;
}

type PgClientClass = new (config: object) => object;

/** Raised inside the migration when it asks the database something; ends the render. */
class NeedsDatabase extends Error {}

const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE\s+SAVEPOINT|SET\s+TRANSACTION)\b/i;
const READ_METHODS = new Set(['select', 'first', 'pluck', 'columnInfo']);
const READ_SQL = /^\s*\(?\s*(SELECT|WITH|SHOW|TABLE|VALUES|EXPLAIN)\b/i;

/** Whether the migration needs the query's result (so what follows may depend on data). */
function isRead(q: CompiledQuery): boolean {
  if (q.output !== undefined || q.returning !== undefined) return true;
  if (q.method && READ_METHODS.has(q.method)) return true;
  return q.method === 'raw' && READ_SQL.test(q.sql);
}

/** Records the statements of one direction of `mod`; undefined when the migration cannot be rendered. */
export async function renderKnexMigration(mod: KnexMigrationModule, direction: 'up' | 'down'): Promise<string[] | undefined> {
  const { default: knex } = await import('knex');
  // knex's PostgreSQL client class, taken from an instance without a connection (no pool, no driver load)
  const probe = knex({ client: 'pg' });
  const PgClient = (probe as unknown as { client: { constructor: PgClientClass } }).client.constructor;
  const statements: string[] = [];
  let needsDatabase = false;

  class RecordingClient extends PgClient {
    async acquireConnection(): Promise<object> {
      return { __knexUid: 'dbm-render' };
    }
    async releaseConnection(): Promise<void> {}
    async _query(_connection: unknown, q: CompiledQuery): Promise<CompiledQuery> {
      if (isRead(q)) {
        needsDatabase = true;
        throw new NeedsDatabase(`the migration reads from the database: ${q.sql}`);
      }
      if (!TRANSACTION_CONTROL.test(q.sql)) statements.push(inlineParams(q.sql, q.bindings ?? []));
      q.response = { command: 'RENDER', rows: [], rowCount: 0, fields: [] };
      return q;
    }
  }

  const recorder = knex({ client: RecordingClient as unknown as typeof Knex.Client });
  try {
    await mod[direction](recorder);
  } catch {
    // a read, or a migration that fails without a database: either way its SQL is not known in advance
    return undefined;
  } finally {
    await recorder.destroy().catch(() => undefined);
    await probe.destroy().catch(() => undefined);
  }
  return needsDatabase ? undefined : statements;
}
