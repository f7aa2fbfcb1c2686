/**
 * One TypeORM column (as its schema builder sees it: a TableColumn made from the metadata by TypeORM's own
 * `Table.create`) → the model's column. Types go through TypeORM's driver spelling and PostgreSQL's parser,
 * so what the reader records is what TypeORM's generated CREATE TABLE would make.
 */
import { ident, serialSequenceName, type ColumnModel, type EnumModel, type SchemaWarning } from '@dbm/core';
import type { TableColumn } from 'typeorm';
import { columnTypeOf, defaultOf } from './model-type.js';

/** What the column mapping needs of TypeORM's PostgreSQL driver. */
export interface DriverLike {
  createFullType(column: TableColumn): string;
  readonly uuidGenerator: string;
}

/** Where a column sits, for names TypeORM derives from it. */
export interface ColumnPlace {
  readonly schema: string;
  readonly table: string;
  /** `schema.table` for warnings. */
  readonly label: string;
}

/** A column, and the enum type it uses (TypeORM creates enum types from the columns that use them). */
export interface ColumnRead {
  readonly column: ColumnModel;
  readonly enum?: EnumModel;
}

// a TypeORM serial is PostgreSQL's serial: the sequence gets PostgreSQL's name for it
function sequenceName(place: ColumnPlace, column: string): string {
  const name = serialSequenceName(place.table, column);
  return place.schema === 'public' ? name : `${place.schema}.${name}`;
}

function typeOf(tc: TableColumn, place: ColumnPlace, driver: DriverLike): { type: ColumnModel['type']; enum?: EnumModel } {
  if (tc.type === 'enum' || tc.type === 'simple-enum') {
    // TypeORM's own enum name (PostgresQueryRunner.buildEnumName), in the table's schema
    const name = tc.enumName ?? `${place.table}_${tc.name.toLowerCase()}_enum`;
    const type = columnTypeOf(`${ident(place.schema)}.${ident(name)}${tc.isArray ? '[]' : ''}`);
    return { type, enum: { schema: place.schema, name, values: (tc.enum ?? []).map(String) } };
  }
  const full = driver.createFullType(Object.assign(Object.create(Object.getPrototypeOf(tc) as object) as TableColumn, tc, { isArray: false }));
  const base = columnTypeOf(full);
  if (!tc.isArray) return { type: base };
  return { type: columnTypeOf(`${base.sql}[]`) };
}

const NUMERIC = new Set(['int2', 'int4', 'int8', 'numeric', 'float4', 'float8']);

/** Maps one column; what has no place in the model is reported in `warnings`. */
export function readColumn(tc: TableColumn, place: ColumnPlace, driver: DriverLike, warnings: SchemaWarning[]): ColumnRead {
  const object = `${place.label}.${tc.name}`;
  const typed = typeOf(tc, place, driver);
  let column: ColumnModel = { name: tc.name, type: typed.type, nullable: tc.isNullable === true };
  if (tc.isGenerated && tc.generationStrategy === 'increment') {
    column = { ...column, nullable: false, default: { kind: 'sequence', sequence: sequenceName(place, tc.name) } };
  } else if (tc.isGenerated && tc.generationStrategy === 'identity') {
    column = { ...column, nullable: false, identity: tc.generatedIdentity === 'ALWAYS' ? 'always' : 'by default' };
  } else if (tc.isGenerated && tc.generationStrategy === 'uuid' && (tc.default === undefined || tc.default === null)) {
    column = { ...column, default: { kind: 'uuid', sql: driver.uuidGenerator } };
  } else if (tc.isGenerated && tc.generationStrategy === 'rowid') {
    warnings.push({ object, message: `generation strategy "rowid" (CockroachDB) has no PostgreSQL meaning; the column is read as a plain ${typed.type.sql}` });
  }
  if (tc.default !== undefined && tc.default !== null && column.default === undefined) {
    // a number option (`default: 1`) comes back from TypeORM quoted ('1'): on a numeric column it is the number
    const text = String(tc.default);
    const number = /^'-?\d+(\.\d+)?'$/.test(text) && NUMERIC.has(typed.type.name) && typed.type.arrayDims === 0;
    column = { ...column, default: defaultOf(number ? `${text}::${typed.type.sql}` : text) };
  }
  if (tc.asExpression) {
    if (tc.generatedType === 'STORED') column = { ...column, generated: tc.asExpression };
    else warnings.push({ object, message: `a VIRTUAL generated column (${tc.asExpression}) does not exist in PostgreSQL: TypeORM writes it as a plain column` });
  }
  if (tc.collation) column = { ...column, collation: tc.collation };
  if (tc.comment) column = { ...column, comment: tc.comment };
  if (tc.charset) warnings.push({ object, message: `charset "${tc.charset}" is not a PostgreSQL column property; left out` });
  return typed.enum ? { column, enum: typed.enum } : { column };
}
