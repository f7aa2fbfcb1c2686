/**
 * A TypeORM project's migrations: the classes exported by the files the DataSource's `migrations` entries
 * name, sorted by the 13-digit timestamp ending each name (TypeORM's order), named by class name.
 */
import type { MigrationSource } from '@dbm/core';
import { migrationClassNames } from './class-names.js';
import { typeormMigrationFiles } from './files.js';
import type { TypeOrmMigrationOptions } from './options.js';
import { typeormRunner } from './runner.js';

/** The migrations of a TypeORM project in TypeORM's order, each with a runner that runs it through TypeORM. */
export async function readTypeOrmMigrations(options: TypeOrmMigrationOptions = {}): Promise<MigrationSource[]> {
  const entries = ([] as string[]).concat(options.migrations ?? 'src/migrations');
  const root = options.cwd ?? process.cwd();
  const files = await typeormMigrationFiles(entries, root);
  const classes = await migrationClassNames(files, root);
  const names = classes.map((c) => c.name);
  const duplicates = [...new Set(names.filter((n, i) => names.indexOf(n) < i))];
  // TypeORM's own message for the same situation
  if (duplicates.length) throw new Error(`Duplicate migrations: ${duplicates.join(', ')}`);
  // Array#sort is stable: equal timestamps keep file order, as TypeORM keeps its load order
  classes.sort((a, b) => a.timestamp - b.timestamp);
  return classes.map((c, order) => ({
    name: c.name,
    checksum: '',
    order,
    path: c.file,
    runner: typeormRunner(c.file, c.name, options),
    meta: { timestamp: c.timestamp },
  }));
}
