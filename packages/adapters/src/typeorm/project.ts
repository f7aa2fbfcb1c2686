/**
 * The TypeORM project in a package: its DataSource file loaded (as TypeORM's CLI loads it) for the driver
 * type (→ dialect), the URL source, the migrations entries and the ledger table and schema.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { DetectionError } from '../detection-error.js';
import type { Dialect, Evidence, Project } from '../orm-adapter.js';
import { DATA_SOURCE_CANDIDATES, findDataSourceFile } from './detect.js';
import { DataSourceLoadError, loadDataSourceOptions } from './load-data-source.js';
import { migrationsLocation } from './migrations-location.js';
import { urlSource } from './url-source.js';

const DIALECTS: Readonly<Record<string, Dialect>> = {
  postgres: 'postgresql',
  cockroachdb: 'postgresql',
  mysql: 'mysql',
  mariadb: 'mysql',
  aurora_mysql: 'mysql',
  sqlite: 'sqlite',
  'better-sqlite3': 'sqlite',
  sqljs: 'sqlite',
};

/** The dialect of a DataSource's `type`, or a clear error for drivers dbm does not speak. */
function dialectOf(type: unknown, rel: string, evidence: Evidence): Dialect {
  const dialect = typeof type === 'string' ? DIALECTS[type] : undefined;
  if (!dialect) {
    throw new DetectionError(`the TypeORM DataSource in ${rel} uses type "${String(type)}": dbm supports postgres, mysql/mariadb and sqlite/better-sqlite3`, [evidence]);
  }
  return dialect;
}

/** Describes the TypeORM project of `root` from its DataSource file. */
export async function describeTypeOrmProject(root: string, evidence: Evidence): Promise<Project> {
  const file = findDataSourceFile(root);
  if (!file) {
    throw new DetectionError(
      `TypeORM found in ${root} (${evidence.reasons.join('; ')}) but no DataSource file: looked for ${DATA_SOURCE_CANDIDATES.join(', ')} ` +
        'and a file under src/ with `new DataSource(`; add src/data-source.ts exporting it, or pass --orm typeorm --dir <migrations folder>',
      [evidence],
    );
  }
  const rel = path.relative(root, file);
  let options: DataSourceOptions;
  try {
    options = await loadDataSourceOptions(file, root);
  } catch (e) {
    if (e instanceof DataSourceLoadError) throw new DetectionError(e.message, [evidence]);
    throw e;
  }
  const dialect = dialectOf(options.type, rel, evidence);
  const location = migrationsLocation(options.migrations, root);
  const migrationsDir = location?.read ?? path.join(root, 'src', 'migrations');
  const o = options as { migrationsTableName?: string; schema?: string };
  const reasons = [
    ...evidence.reasons.filter((r) => !r.startsWith('DataSource in ')),
    `DataSource ${rel}: type ${String(options.type)}, migrations ${location ? location.entries.map((e) => path.relative(root, path.resolve(root, e)) || e).join(', ') : 'not set (dbm uses src/migrations)'}`,
  ];
  return {
    orm: 'typeorm',
    dialect,
    root,
    migrationsDir,
    schemaPath: file,
    url: urlSource(options, await readFile(file, 'utf8')),
    ...(o.migrationsTableName ? { ledgerTable: o.migrationsTableName } : {}),
    ...(dialect === 'postgresql' && o.schema ? { ledgerSchema: o.schema } : {}),
    evidence: reasons,
  };
}
