/**
 * Where a translation's model comes from. By default the live database the source project migrated
 * (introspection without the ORMs' bookkeeping): it is what the target must match for its generator to
 * find no drift. `--from source` reads the source ORM's own schema source instead, without a database.
 */
import { basename } from 'node:path';
import { introspectSchema, type Ledger, type SchemaModel, type SchemaWarning } from '@dbm/core';
import type pg from 'pg';
import type { Project } from '../orm-adapter.js';
import { bookkeepingTables } from './ledger-tables.js';
import { TranslateError } from './translate-error.js';

/** A model and what its reader could not carry. */
export interface SourceModel {
  readonly model: SchemaModel;
  readonly warnings: readonly SchemaWarning[];
  /** Tables left out as ORM bookkeeping (database source only). */
  readonly excluded: readonly string[];
}

/** The model of the live database `client` is connected to, without the ORMs' ledgers and dbm's own schema. */
export async function databaseModel(client: pg.ClientBase, ledger?: Ledger): Promise<SourceModel> {
  const excluded = await bookkeepingTables(client, ledger);
  return { model: await introspectSchema(client, { exclude: excluded }), warnings: [], excluded };
}

/** The model the source project's ORM describes, read from its schema source (no database). */
export async function sourceModel(project: Project): Promise<SourceModel> {
  switch (project.orm) {
    case 'prisma': {
      const { readPrismaProject } = await import('../prisma/project.js');
      const { readPrismaModel } = await import('../prisma/model-read.js');
      const { schema } = await readPrismaProject(project.root, { orm: 'prisma', reasons: [] });
      const text = schema.files.map((f) => f.content).join('\n');
      return { ...(await readPrismaModel(text)), excluded: [] };
    }
    case 'drizzle': {
      const { findDrizzleConfig } = await import('../drizzle/config-file.js');
      const { loadDrizzleConfig } = await import('../drizzle/config.js');
      const { drizzleSchemaFiles } = await import('../drizzle/schema-files.js');
      const { readDrizzleModel } = await import('../drizzle/model-read.js');
      const configPath = project.configPath ?? findDrizzleConfig(project.root);
      if (!configPath) throw new TranslateError(`no drizzle.config.* in ${project.root}: the schema's location comes from it`);
      const { config } = await loadDrizzleConfig(configPath);
      const files = await drizzleSchemaFiles(project.root, config.schema, basename(configPath));
      return { ...(await readDrizzleModel(files, { root: project.root, ...(config.casing ? { casing: config.casing } : {}) })), excluded: [] };
    }
    case 'typeorm': {
      const { readTypeOrmModel } = await import('../typeorm/model-read.js');
      const file = project.schemaPath ?? project.configPath;
      if (!file) throw new TranslateError(`no TypeORM DataSource file found in ${project.root}`);
      return { ...(await readTypeOrmModel(file, { root: project.root })), excluded: [] };
    }
    case 'knex':
      throw new TranslateError('knex has no schema source besides its migrations: translate from the migrated database (leave out --from source)');
  }
}
