/**
 * Runs one TypeORM migration the way `typeorm migration:run --transaction each` / `migration:revert` runs it:
 * on one QueryRunner, `up` (or `down`) and the ledger insert (or delete) in one transaction, unless the
 * class sets `transaction = false`. lock_timeout is set on that QueryRunner's connection first.
 */
import type { CodeRunContext, CodeRunner } from '@dbm/core';
import type { DataSource, QueryRunner } from 'typeorm';
import { CodeMigrationError } from '../code/migration-error.js';
import { timeoutStatement } from '../code/timeouts.js';
import { findMigrationClass, type FoundClass, type TypeOrmMigration } from './classes.js';
import { openDataSource } from './data-source.js';
import { typeormTable, type TypeOrmMigrationOptions } from './options.js';
import { renderTypeOrmMigration } from './render.js';

type Direction = 'up' | 'down';

// the bookkeeping TypeORM's MigrationExecutor does, through the same query builder calls
async function record(qr: QueryRunner, table: string, direction: Direction, found: FoundClass): Promise<void> {
  const qb = qr.manager.createQueryBuilder();
  if (direction === 'up') {
    await qb.insert().into(table).values({ timestamp: found.timestamp, name: found.name }).execute();
  } else {
    await qb
      .delete()
      .from(table)
      .where(`${qb.escape('timestamp')} = :timestamp`)
      .andWhere(`${qb.escape('name')} = :name`)
      .setParameters({ timestamp: found.timestamp, name: found.name })
      .execute();
  }
}

async function runOn(qr: QueryRunner, migration: TypeOrmMigration, table: string, direction: Direction, found: FoundClass): Promise<void> {
  const useTransaction = migration.transaction !== false;
  if (useTransaction) await qr.startTransaction();
  try {
    await qr.beforeMigration();
    await migration[direction](qr);
    await qr.afterMigration();
    await record(qr, table, direction, found);
    if (useTransaction) await qr.commitTransaction();
  } catch (e) {
    if (useTransaction && qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
    throw e;
  }
}

/** A {@link CodeRunner} for the TypeORM migration class recorded as `name` in `file`. */
export function typeormRunner(file: string, name: string, options: TypeOrmMigrationOptions = {}): CodeRunner {
  const t = typeormTable(options);
  const table = t.schema ? `${t.schema}.${t.tableName}` : t.tableName;
  const run = async (direction: Direction, ctx: CodeRunContext): Promise<void> => {
    let ds: DataSource | undefined;
    let qr: QueryRunner | undefined;
    try {
      const found = await findMigrationClass(file, name);
      ds = await openDataSource(ctx.url, found, options);
      // the instance TypeORM built from the class, as its MigrationExecutor would run it
      const migration = (ds.migrations.find((m) => (m.name ?? m.constructor.name) === name) ?? new found.migrationClass()) as TypeOrmMigration;
      qr = ds.createQueryRunner();
      await qr.connect();
      const settings = timeoutStatement(ctx);
      await qr.query(settings.text, settings.values);
      await runOn(qr, migration, table, direction, found);
    } catch (e) {
      throw new CodeMigrationError('typeorm', name, direction, e, ctx.url);
    } finally {
      await qr?.release().catch(() => undefined);
      await ds?.destroy().catch(() => undefined);
    }
  };
  return {
    up: (ctx) => run('up', ctx),
    down: (ctx) => run('down', ctx),
    render: async (direction) => renderTypeOrmMigration(await findMigrationClass(file, name), direction),
    transactional: async () => new (await findMigrationClass(file, name)).migrationClass().transaction !== false,
  };
}
