/** A TypeORM DataSource on the target database holding one migration class, as TypeORM's CLI would build it. */
import type { DataSource } from 'typeorm';
import type { FoundClass } from './classes.js';
import type { TypeOrmMigrationOptions } from './options.js';

/** Opens (initializes) a postgres DataSource on `url` with the migration class and the project's ledger settings. */
export async function openDataSource(url: string, found: FoundClass, options: TypeOrmMigrationOptions): Promise<DataSource> {
  const { DataSource } = await import('typeorm');
  const ds = new DataSource({
    type: 'postgres',
    url,
    applicationName: 'dbm (typeorm migration)',
    migrations: [found.migrationClass],
    ...(options.migrationsTableName ? { migrationsTableName: options.migrationsTableName } : {}),
    ...(options.schema ? { schema: options.schema } : {}),
    logging: false,
  });
  await ds.initialize();
  return ds;
}
