/**
 * Loads a project's DataSource file the way TypeORM's CLI does under tsx (the file's exports: a DataSource
 * instance, or one among its exports, possibly a promise), and returns its options. Entities are imported
 * with it (their decorators run) but nothing connects. The project's tsconfig.json is used, so its
 * `experimentalDecorators` applies as it does when the project runs TypeORM under tsx itself.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DataSourceOptions } from 'typeorm';
import { moduleFormat } from '../code/module-format.js';
import { noteImport } from '../cache/imports.js';

/** A DataSource file that could not be loaded, or exports no DataSource; the message names the file. */
export class DataSourceLoadError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'DataSourceLoadError';
  }
}

let loads = 0;

// TypeORM's own test (InstanceChecker.isDataSource): works across copies of the typeorm package
function isDataSource(value: unknown): value is { options: DataSourceOptions } {
  return Boolean(value) && typeof value === 'object' && (value as Record<string, unknown>)['@instanceof'] === Symbol.for('DataSource');
}

async function findDataSource(exported: Record<string, unknown>): Promise<{ options: DataSourceOptions } | 'none' | 'several'> {
  if (isDataSource(exported)) return exported;
  const found: { options: DataSourceOptions }[] = [];
  for (const value of Object.values(exported)) {
    const awaited: unknown = await value;
    if (isDataSource(awaited) && !found.includes(awaited)) found.push(awaited);
  }
  if (found.length === 1) return found[0]!;
  return found.length ? 'several' : 'none';
}

/** The options of the DataSource `file` (absolute) exports; `root` holds the tsconfig.json to compile it with. */
export async function loadDataSourceOptions(file: string, root: string): Promise<DataSourceOptions> {
  const rel = path.relative(root, file) || file;
  const tsconfig = path.join(root, 'tsconfig.json');
  const { register } = await import('tsx/esm/api');
  // a namespace of its own per load: a fresh module graph (an edited entity is read again) and this
  // project's tsconfig, which the process-wide loader of the migration files does not know
  const api = register({ namespace: `dbm-typeorm-datasource-${process.pid}-${++loads}`, tsconfig: existsSync(tsconfig) ? tsconfig : false, onImport: noteImport });
  let exported: Record<string, unknown>;
  try {
    const ns = (await api.import(pathToFileURL(file).href, import.meta.url)) as Record<string, unknown>;
    exported = (await moduleFormat(file)) === 'commonjs' ? ((ns.default ?? {}) as Record<string, unknown>) : ns;
  } catch (e) {
    const reason = String((e as Error)?.message ?? e).trim();
    throw new DataSourceLoadError(
      `cannot load the TypeORM DataSource ${rel}: ${reason}\n` +
        `fix the file (TypeORM's own CLI fails on it the same way), or skip it with --orm typeorm --dir <migrations folder>`,
      file,
    );
  } finally {
    await api.unregister().catch(() => undefined);
  }
  const ds = await findDataSource(exported);
  if (ds === 'none') throw new DataSourceLoadError(`${rel} exports no TypeORM DataSource: export the \`new DataSource({...})\` instance (TypeORM's CLI needs that too)`, file);
  if (ds === 'several') throw new DataSourceLoadError(`${rel} exports more than one DataSource: TypeORM's CLI takes a file with exactly one`, file);
  return ds.options;
}
