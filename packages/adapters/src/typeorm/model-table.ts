/**
 * One TypeORM entity's metadata → the model's table. Names are the ones TypeORM's schema builder writes:
 * the Table comes from TypeORM's own `Table.create(metadata, driver)` and the primary key's name from its
 * naming strategy with that Table, as `createTableSql` does, so `PK_…`, `UQ_…`, `FK_…`, `IDX_…` hashes
 * match what `migration:generate` produces.
 */
import { ident, qname, type CheckModel, type EnumModel, type ExtraModel, type ForeignKeyModel, type IndexModel, type ReferentialAction, type SchemaWarning, type TableModel, type UniqueModel } from '@dbm/core';
import type { EntityMetadata, NamingStrategyInterface, Table } from 'typeorm';
import { readColumn, type DriverLike } from './model-column.js';

/** What mapping a table needs of the DataSource. */
export interface TableContext {
  readonly driver: DriverLike;
  readonly namingStrategy: NamingStrategyInterface;
  /** TypeORM's `Table.create`. */
  readonly createTable: (metadata: EntityMetadata) => Table;
  readonly defaultSchema: string;
}

const ACTIONS: Readonly<Record<string, ReferentialAction>> = {
  'NO ACTION': 'no action',
  RESTRICT: 'restrict',
  CASCADE: 'cascade',
  'SET NULL': 'set null',
  'SET DEFAULT': 'set default',
  DEFAULT: 'set default',
};

function action(value: string | undefined, object: string, warnings: SchemaWarning[]): ReferentialAction {
  if (value === undefined) return 'no action';
  const found = ACTIONS[value.toUpperCase()];
  if (found) return found;
  warnings.push({ object, message: `referential action "${value}" is not PostgreSQL's; read as NO ACTION` });
  return 'no action';
}

function foreignKeys(metadata: EntityMetadata, label: string, ctx: TableContext, warnings: SchemaWarning[]): ForeignKeyModel[] {
  const out: ForeignKeyModel[] = [];
  for (const fk of metadata.foreignKeys) {
    if (out.some((k) => k.name === fk.name)) continue;
    const object = `${label}.${fk.name}`;
    const target = fk.referencedEntityMetadata;
    const deferrable = fk.deferrable === 'INITIALLY DEFERRED' ? 'deferred' : fk.deferrable === 'INITIALLY IMMEDIATE' ? 'immediate' : undefined;
    out.push({
      name: fk.name,
      columns: fk.columnNames,
      target: { schema: target.schema ?? ctx.defaultSchema, table: target.tableName, columns: fk.referencedColumnNames },
      onDelete: action(fk.onDelete, object, warnings),
      onUpdate: action(fk.onUpdate, object, warnings),
      ...(deferrable ? { deferrable } : {}),
    });
  }
  return out;
}

function indexes(table: Table, label: string, warnings: SchemaWarning[]): IndexModel[] {
  return table.indices.map((i) => {
    const name = i.name ?? '';
    if (i.isFulltext) warnings.push({ object: `${label}.${name}`, message: 'a FULLTEXT index is MySQL\'s: PostgreSQL builds it as a plain index' });
    const method = i.isSpatial ? 'gist' : (i.type ?? 'btree');
    return {
      name,
      unique: i.isUnique,
      method,
      elements: i.columnNames.map((value) => ({ value, expression: false })),
      ...(i.where ? { where: i.where } : {}),
    };
  });
}

/** The table of one entity (not a view), and the enum types its columns create. */
export function readTable(metadata: EntityMetadata, ctx: TableContext, warnings: SchemaWarning[]): { table: TableModel; enums: EnumModel[]; extras: ExtraModel[] } {
  const schema = metadata.schema ?? ctx.defaultSchema;
  const label = `${schema}.${metadata.tableName}`;
  const table = ctx.createTable(metadata);
  const place = { schema, table: metadata.tableName, label };
  const enums: EnumModel[] = [];
  const columns = table.columns.map((tc) => {
    const read = readColumn(tc, place, ctx.driver, warnings);
    if (read.enum) enums.push(read.enum);
    return read.column;
  });
  // TypeORM's schema builder skips these (Table.create keeps synchronized indexes only): say so
  for (const i of metadata.indices.filter((x) => x.synchronize === false)) {
    warnings.push({ object: `${label}.${i.name}`, message: 'an index declared with synchronize: false: TypeORM knows only its name, so it is not in the model (its SQL lives in the migrations)' });
  }
  const pkColumns = table.columns.filter((c) => c.isPrimary);
  const pkName = pkColumns[0]?.primaryKeyConstraintName ?? ctx.namingStrategy.primaryKeyName(table, pkColumns.map((c) => c.name));
  const uniques: UniqueModel[] = table.uniques.map((u) => {
    if (u.deferrable) warnings.push({ object: `${label}.${u.name}`, message: `DEFERRABLE ${u.deferrable} on a unique constraint is not in the schema model; read as not deferrable` });
    return { name: u.name ?? ctx.namingStrategy.uniqueConstraintName(table, u.columnNames), columns: u.columnNames };
  });
  const checks: CheckModel[] = table.checks.map((k) => ({ name: k.name ?? ctx.namingStrategy.checkConstraintName(table, k.expression ?? ''), expr: k.expression ?? '' }));
  // the model has no exclusion constraints: they travel as SQL, which every writer reports
  const extras: ExtraModel[] = table.exclusions.map((x) => ({
    kind: 'exclusion',
    name: `${label}.${x.name}`,
    sql: `ALTER TABLE ${qname({ schema, name: metadata.tableName })} ADD CONSTRAINT ${ident(x.name ?? '')} EXCLUDE ${x.expression ?? ''}`,
  }));
  return {
    table: {
      schema,
      name: metadata.tableName,
      columns,
      ...(pkColumns.length ? { primaryKey: { name: pkName, columns: pkColumns.map((c) => c.name) } } : {}),
      uniques,
      foreignKeys: foreignKeys(metadata, label, ctx, warnings),
      checks,
      indexes: indexes(table, label, warnings),
      ...(metadata.comment ? { comment: metadata.comment } : {}),
    },
    enums,
    extras,
  };
}
