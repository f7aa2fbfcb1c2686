/** openMigrations for TypeORM: the migration classes of a directory (or DataSource glob) and TypeORM's ledger. */
import type { MigrationSet, OpenOptions } from '../open.js';
import { TypeOrmLedger } from './ledger.js';
import type { TypeOrmMigrationOptions } from './options.js';
import { readTypeOrmMigrations } from './read.js';

/**
 * The TypeORM project whose migrations `o.dir` names (table/schema as the DataSource's migrationsTableName/schema).
 * `root`, the package folder, is where its caches live (a workspace run's cwd is the workspace root).
 */
export async function open(o: OpenOptions, root?: string): Promise<MigrationSet> {
  const options: TypeOrmMigrationOptions = {
    migrations: o.dir,
    ...(root ? { cwd: root } : {}),
    ...(o.table ? { migrationsTableName: o.table } : {}),
    ...(o.schema ? { schema: o.schema } : {}),
  };
  return { orm: 'typeorm', dir: o.dir, sources: await readTypeOrmMigrations(options), ledger: new TypeOrmLedger(options) };
}
