/**
 * What the drizzle writer gathers while it writes one module: the builders to import, the names given
 * to tables, enums and custom types, and the warnings (with the SQL) for what drizzle cannot say.
 */
import { ident, type SchemaModel, type SchemaWarning, type TableModel } from '@dbm/core';
import { NameScope } from './model-write-ts.js';

/** A `customType` the module defines, for a type drizzle has no builder for. */
export interface CustomTypeDef {
  readonly name: string;
  /** The SQL type drizzle-kit writes (its `dataType()`). */
  readonly dataType: string;
  /** The TypeScript type of its values. */
  readonly data: string;
}

/** Writer state for one module. */
export interface WriteContext {
  readonly model: SchemaModel;
  /** Builders imported from drizzle-orm/pg-core. */
  readonly imports: Set<string>;
  /** Names imported from drizzle-orm (`sql`) and types from pg-core (`AnyPgColumn`). */
  readonly ormImports: Set<string>;
  readonly typeImports: Set<string>;
  readonly warnings: SchemaWarning[];
  /** `schema.name` → the module's variable for each enum, table, and schema (key = schema name). */
  readonly enumVars: Map<string, string>;
  readonly tableVars: Map<string, string>;
  readonly schemaVars: Map<string, string>;
  /** `schema.table` → column name → the column's key in the written table. */
  readonly columnKeys: Map<string, Map<string, string>>;
  /** Custom types by their SQL. */
  readonly customTypes: Map<string, CustomTypeDef>;
  readonly top: NameScope;
}

/** Every builder the writer may import, reserved at the top level so no table or type takes its name. */
export const BUILDERS = [
  'bigint', 'bigserial', 'boolean', 'char', 'check', 'cidr', 'customType', 'date', 'doublePrecision', 'foreignKey', 'index',
  'inet', 'integer', 'interval', 'json', 'jsonb', 'line', 'macaddr', 'macaddr8', 'numeric', 'pgEnum', 'pgSchema', 'pgTable',
  'point', 'primaryKey', 'real', 'serial', 'smallint', 'smallserial', 'text', 'time', 'timestamp', 'unique', 'uniqueIndex',
  'uuid', 'varchar', 'sql', 'AnyPgColumn',
];

/** A fresh context for `model`. */
export function writeContext(model: SchemaModel): WriteContext {
  return {
    model,
    imports: new Set(),
    ormImports: new Set(),
    typeImports: new Set(),
    warnings: [],
    enumVars: new Map(),
    tableVars: new Map(),
    schemaVars: new Map(),
    columnKeys: new Map(),
    customTypes: new Map(),
    top: new NameScope(BUILDERS),
  };
}

/** `schema.name` key of a table, enum or type (schema defaulting to public). */
export const keyOf = (schema: string | undefined, name: string): string => `${schema || 'public'}.${name}`;

/** How warnings name a table: bare in public, qualified elsewhere. */
export const objectName = (t: { readonly schema: string; readonly name: string }): string => (t.schema === 'public' ? t.name : `${t.schema}.${t.name}`);

/** The table's quoted, qualified name for raw SQL. */
export const tableSql = (t: TableModel): string => `${ident(t.schema)}.${ident(t.name)}`;
