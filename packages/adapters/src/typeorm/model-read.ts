/**
 * A TypeORM project's schema as the neutral SchemaModel, read from its entity metadata: the DataSource
 * file is loaded as TypeORM's CLI loads it (under tsx), TypeORM builds its metadata without connecting
 * (`buildMetadatas`, as `initialize` does before it connects), and each entity is mapped through TypeORM's
 * own schema-builder view of it (`Table.create`). Views and exclusion constraints travel as extras.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DataSource, DataSourceOptions, EntityMetadata } from 'typeorm';
import { normalizeSchema, qname, type EnumModel, type ExtraModel, type SchemaModel, type SchemaWarning, type TableModel } from '@dbm/core';
import { loadDataSourceOptions } from './load-data-source.js';
import type { DriverLike } from './model-column.js';
import { readTable } from './model-table.js';
import { loadTypeParser } from './model-type.js';

/** A model read from an ORM's source, and what could not be read exactly. */
export interface ModelRead {
  readonly model: SchemaModel;
  readonly warnings: SchemaWarning[];
}

/** The project folder of a file: the nearest one holding a package.json (its tsconfig.json applies). */
function projectRoot(file: string): string {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) || existsSync(path.join(dir, 'tsconfig.json'))) return dir;
    if (path.dirname(dir) === dir) return path.dirname(file);
  }
}

// entities given as file globs are imported by TypeORM itself, with import(): it needs a TypeScript loader
async function withLoader<T>(options: DataSourceOptions, work: () => Promise<T>): Promise<T> {
  const globs = ([] as unknown[]).concat(options.entities ?? []).some((e) => typeof e === 'string');
  if (!globs) return work();
  const { register } = await import('tsx/esm/api');
  const unregister = register();
  try {
    return await work();
  } finally {
    await unregister();
  }
}

function mergeEnum(enums: Map<string, EnumModel>, e: EnumModel, warnings: SchemaWarning[]): void {
  const key = `${e.schema}.${e.name}`;
  const seen = enums.get(key);
  if (!seen) enums.set(key, e);
  else if (seen.values.join('\u0000') !== e.values.join('\u0000')) {
    warnings.push({ object: key, message: `columns declare enum ${key} with different values (${seen.values.join(', ')} / ${e.values.join(', ')}); the first is kept` });
  }
}

function viewExtra(m: EntityMetadata, schema: string, warnings: SchemaWarning[]): ExtraModel | undefined {
  const name = `${schema}.${m.tableName}`;
  if (typeof m.expression !== 'string') {
    warnings.push({ object: name, message: 'a view entity defined by a query builder function: dbm cannot read its SQL without a connection; left out' });
    return undefined;
  }
  const materialized = m.tableType === 'view' && (m as { materialized?: boolean }).materialized;
  return { kind: materialized ? 'materialized view' : 'view', name, sql: `CREATE ${materialized ? 'MATERIALIZED ' : ''}VIEW ${qname({ schema, name: m.tableName })} AS ${m.expression}` };
}

/** Maps built metadata to the model (in TypeORM's order; {@link readTypeOrmModel} normalises it). */
export function metadataModel(ds: DataSource, createTable: (m: EntityMetadata) => import('typeorm').Table): ModelRead {
  const warnings: SchemaWarning[] = [];
  const defaultSchema = (ds.driver.options as { schema?: string }).schema ?? 'public';
  const ctx = { driver: ds.driver as unknown as DriverLike, namingStrategy: ds.namingStrategy, createTable, defaultSchema };
  const tables: TableModel[] = [];
  const enums = new Map<string, EnumModel>();
  const extras: ExtraModel[] = [];
  for (const m of ds.entityMetadatas) {
    const schema = m.schema ?? defaultSchema;
    if (m.tableType === 'view') {
      const extra = viewExtra(m, schema, warnings);
      if (extra) extras.push(extra);
      continue;
    }
    // a single-table-inheritance child shares its parent's table, which carries its columns
    if (m.tableType === 'entity-child') continue;
    const read = readTable(m, ctx, warnings);
    tables.push(read.table);
    for (const e of read.enums) mergeEnum(enums, e, warnings);
    extras.push(...read.extras);
  }
  for (const x of extras) warnings.push({ object: x.name, message: `${x.kind} is not part of the schema model: carried as SQL`, rawSql: x.sql });
  return { model: { tables, enums: [...enums.values()], extras }, warnings };
}

/** Options of {@link readTypeOrmModel}. */
export interface ReadTypeOrmModelOptions {
  /** The folder whose tsconfig.json compiles the DataSource file; by default the nearest with a package.json. */
  readonly root?: string;
}

/** Reads the schema a TypeORM DataSource file describes. Nothing connects to a database. */
export async function readTypeOrmModel(dataSourceFile: string, options: ReadTypeOrmModelOptions = {}): Promise<ModelRead> {
  const file = path.resolve(dataSourceFile);
  const loaded = await loadDataSourceOptions(file, options.root ?? projectRoot(file));
  if (loaded.type !== 'postgres') {
    throw new Error(`${path.basename(file)} is a "${loaded.type}" DataSource: dbm reads TypeORM schemas for PostgreSQL ("type: 'postgres'")`);
  }
  await loadTypeParser();
  const { DataSource, Table } = await import('typeorm');
  // only the entities matter: migrations and subscribers are neither loaded nor run
  const ds = new DataSource({ ...loaded, migrations: [], subscribers: [], logging: false } as DataSourceOptions);
  await withLoader(loaded, () => (ds as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas());
  const read = metadataModel(ds, (m) => Table.create(m, ds.driver));
  return { model: normalizeSchema(read.model), warnings: read.warnings };
}
