/**
 * SchemaModel → TypeORM source: one entity class file per table (`entity/<Class>.ts`) and a DataSource
 * file listing them. What TypeORM cannot express comes back as warnings carrying the raw SQL that creates
 * it (for the baseline migration): indexes beyond `@Index`, tables without a primary key, enum types no
 * column uses, views, functions and other extras.
 */
import { beforeTables, compilePostgres, ident, inScriptOrder, type EnumModel, type SchemaModel, type SchemaWarning, type TableModel } from '@dbm/core';
import { commentSql, enumOperation, foreignKeyOperation, indexOperation, objectName, tableOperation } from '../knex/model-ops.js';
import { entitySource } from './model-entity.js';
import { defaultNames, nameModel } from './model-names.js';

/** A file to write, relative to the output folder. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/** The files of a writer and what they could not say. */
export interface ModelWrite {
  readonly files: SourceFile[];
  readonly warnings: SchemaWarning[];
}

/** Options of {@link writeTypeOrmEntities}. */
export interface WriteTypeOrmOptions {
  /** The entities' folder, relative to the DataSource file (default `entity`). */
  readonly entityDir?: string;
  /** The environment variable the DataSource reads its URL from (default DATABASE_URL). */
  readonly urlEnv?: string;
}

const key = (o: { readonly schema: string; readonly name: string }) => `${o.schema}.${o.name}`;

/** The schemas other than public that tables and enums live in. */
const schemasOf = (model: SchemaModel): string[] => [...new Set([...model.tables, ...model.enums].map((o) => o.schema).filter((s) => s !== 'public'))].sort();

// a table TypeORM cannot hold (no primary key): all of it as SQL
function tableSql(t: TableModel): string[] {
  return [
    compilePostgres(tableOperation(t)),
    ...t.indexes.map((i) => compilePostgres(indexOperation(t, i))),
    ...(t.comment !== undefined ? [commentSql(t, undefined, t.comment)] : []),
    ...t.columns.filter((c) => c.comment !== undefined).map((c) => commentSql(t, c.name, c.comment!)),
  ];
}

function enumWarnings(model: SchemaModel, entityTables: readonly TableModel[], warnings: SchemaWarning[]): void {
  for (const e of model.enums) {
    const users = entityTables.filter((t) => t.columns.some((c) => c.type.schema === e.schema && c.type.name === e.name));
    if (users.length === 0) {
      warnings.push({ object: key(e), message: 'an enum type no entity column uses: TypeORM creates enum types only for columns', rawSql: compilePostgres(enumOperation(e)) });
    } else if (users.length > 1) {
      warnings.push({
        object: key(e),
        message: `used by ${users.length} tables (${users.map(key).join(', ')}): TypeORM's migration:generate writes a CREATE TYPE for each; keep the first`,
      });
    }
  }
}

function dataSourceFile(classes: readonly string[], entityDir: string, urlEnv: string, pgcrypto: boolean): string {
  return [
    '/** The DataSource dbm wrote with the entities: what the app and TypeORM\'s CLI (`-d data-source.ts`) load. */',
    "import 'reflect-metadata';",
    "import { dirname, join } from 'node:path';",
    "import { fileURLToPath } from 'node:url';",
    "import { DataSource } from 'typeorm';",
    ...classes.map((c) => `import { ${c} } from './${entityDir}/${c}.js';`),
    '',
    'const here = dirname(fileURLToPath(import.meta.url));',
    '',
    'export const AppDataSource = new DataSource({',
    "  type: 'postgres',",
    `  url: process.env.${urlEnv},`,
    `  entities: [${classes.join(', ')}],`,
    "  migrations: [join(here, 'migrations', '*.{ts,js}')],",
    // gen_random_uuid() is built into PostgreSQL 13+; TypeORM's default generator needs uuid-ossp
    ...(pgcrypto ? ["  uuidExtension: 'pgcrypto',"] : []),
    // the schema's extensions come with it (raw SQL): TypeORM is not to add one of its own when it connects
    '  installExtensions: false,',
    '  synchronize: false,',
    '  logging: false,',
    '});',
    '',
  ].join('\n');
}

/** Writes the model as TypeORM entities and a DataSource. */
export async function writeTypeOrmEntities(model: SchemaModel, options: WriteTypeOrmOptions = {}): Promise<ModelWrite> {
  const { DefaultNamingStrategy } = await import('typeorm');
  const entityDir = options.entityDir ?? 'entity';
  // TypeORM's generator creates no schema: the entities' schemas come first, as raw SQL
  const warnings: SchemaWarning[] = schemasOf(model).map((name) => ({
    object: name,
    message: "TypeORM's migration:generate does not create schemas: created by raw SQL before its statements",
    rawSql: `CREATE SCHEMA IF NOT EXISTS ${ident(name)}`,
    phase: 'before' as const,
  }));
  const entityTables = model.tables.filter((t) => {
    if (t.primaryKey) return true;
    warnings.push({ object: objectName(t), message: 'a table without a primary key: TypeORM entities need one, so the table is created by raw SQL', rawSql: tableSql(t).join(';\n') });
    return false;
  });
  const pgcrypto = entityTables.some((t) => t.columns.some((c) => c.default?.kind === 'uuid' && /^gen_random_uuid\(\)$/i.test(c.default.sql)));
  const names = nameModel({ ...model, tables: entityTables });
  const ctx = {
    names,
    defaults: defaultNames(new DefaultNamingStrategy()),
    enums: new Map<string, EnumModel>(model.enums.map((e) => [key(e), e])),
    tables: new Map(entityTables.map((t) => [key(t), t])),
    uuidGenerator: pgcrypto ? 'gen_random_uuid()' : 'uuid_generate_v4()',
    warnings,
  };
  const files: SourceFile[] = entityTables.map((t) => ({ path: `${entityDir}/${names.classOf.get(t)!}.ts`, text: entitySource(t, ctx).text }));
  // keys from a raw-SQL table to the entities: the entity side cannot declare them
  for (const t of model.tables.filter((x) => !x.primaryKey)) {
    for (const fk of t.foreignKeys) warnings.push({ object: objectName(t, fk.name), message: 'a foreign key of a table created by raw SQL', rawSql: compilePostgres(foreignKeyOperation(t, fk)) });
  }
  enumWarnings(model, entityTables, warnings);
  for (const x of inScriptOrder(model.extras)) {
    const before = beforeTables(x);
    warnings.push({ object: x.name, message: `${x.kind}: TypeORM entities do not describe it; created by raw SQL`, rawSql: x.sql, ...(before ? { phase: 'before' as const } : {}) });
  }
  const classes = entityTables.map((t) => names.classOf.get(t)!);
  files.push({ path: 'data-source.ts', text: dataSourceFile(classes, entityDir, options.urlEnv ?? 'DATABASE_URL', pgcrypto) });
  return { files, warnings };
}
