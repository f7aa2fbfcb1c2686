/** openMigrations for knex: the migration files of a directory and knex's ledger. */
import type { MigrationSet, OpenOptions } from '../open.js';
import { KnexLedger } from './ledger.js';
import type { KnexMigrationOptions } from './options.js';
import { readKnexMigrations } from './read.js';

/** The knex project whose migrations live in `o.dir` (table/schema as the knexfile's tableName/schemaName). */
export async function open(o: OpenOptions): Promise<MigrationSet> {
  const options: KnexMigrationOptions = {
    directory: o.dir,
    ...(o.table ? { tableName: o.table } : {}),
    ...(o.schema ? { schemaName: o.schema } : {}),
  };
  return { orm: 'knex', dir: o.dir, sources: await readKnexMigrations(options), ledger: new KnexLedger(options) };
}
