/**
 * The SQL a TypeORM migration would run, found without a database: `up`/`down` get a stand-in QueryRunner
 * that records `query(sql, params)`, which is all TypeORM's generated migrations call. Touching anything else
 * (createTable, the connection, a SELECT whose result the migration may use) makes it unrenderable.
 */
import type { QueryRunner } from 'typeorm';
import { inlineParams } from '../code/sql-literal.js';
import type { FoundClass } from './classes.js';

const READ_SQL = /^\s*\(?\s*(SELECT|WITH|SHOW|TABLE|VALUES|EXPLAIN)\b/i;

/** Raised inside the migration when it uses more of the QueryRunner than `query`; ends the render. */
class NeedsQueryRunner extends Error {}

/** Records the statements of one direction of the migration; undefined when it cannot be rendered. */
export async function renderTypeOrmMigration(found: FoundClass, direction: 'up' | 'down'): Promise<string[] | undefined> {
  const statements: string[] = [];
  const query = async (sql: string, params?: unknown[]): Promise<unknown[]> => {
    if (READ_SQL.test(sql)) throw new NeedsQueryRunner(`the migration reads from the database: ${sql}`);
    statements.push(inlineParams(sql, params ?? []));
    return [];
  };
  const standIn = new Proxy(
    {},
    {
      get(_target, property) {
        if (property === 'query') return query;
        // not a thenable, so `await queryRunner` or returning it from an async function stays harmless
        if (property === 'then') return undefined;
        throw new NeedsQueryRunner(`the migration uses queryRunner.${String(property)}`);
      },
    },
  ) as QueryRunner;
  try {
    await new found.migrationClass()[direction](standIn);
  } catch {
    return undefined;
  }
  return statements;
}
