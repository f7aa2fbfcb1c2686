/**
 * Every column type a file declares — in CREATE TABLE, ADD COLUMN and ALTER COLUMN TYPE, modelled or
 * raw (CREATE TABLE ... WITH (...), ALTER TABLE IF EXISTS ...) — for the rules about type choices,
 * plus the safe SQL for the same column with another type.
 */
import { as, list, type Body } from '../dialects/postgres/ast.js';
import { columnSql } from '../dialects/postgres/compile.js';
import { ident } from '../dialects/postgres/quote.js';
import { columnType } from '../dialects/postgres/types.js';
import { addCheck } from '../operations/add-check.js';
import { addColumn } from '../operations/add-column.js';
import { alterColumnType } from '../operations/alter-column-type.js';
import type { ColumnDef, ColumnType, QualifiedName } from '../operations/common.js';
import { validateConstraint } from '../operations/validate-constraint.js';
import { tableKey, type FileContext, type OpContext } from './context.js';
import { rawAlterCommands, rawNode, relationName } from './raw-statements.js';
import { sqlOf } from './helpers.js';

/** One column type written in the file. */
export interface TypedColumn {
  readonly at: OpContext;
  readonly table: QualifiedName;
  readonly column: string;
  readonly type: ColumnType;
  /** Where the type appears. */
  readonly via: 'create table' | 'add column' | 'alter type';
  /** The whole column definition, when the statement has one (create table, add column). */
  readonly def?: ColumnDef;
}

const cache = new WeakMap<FileContext, TypedColumn[]>();

/** The column types of a file, in order. Linear in the number of operations; computed once per file. */
export function typedColumns(file: FileContext): TypedColumn[] {
  const hit = cache.get(file);
  if (hit) return hit;
  const out: TypedColumn[] = [];
  for (const at of file.ops) {
    const { op } = at;
    switch (op.kind) {
      case 'createTable':
        for (const def of op.columns) out.push({ at, table: op.table, column: def.name, type: def.type, via: 'create table', def });
        break;
      case 'addColumn':
        out.push({ at, table: op.table, column: op.column.name, type: op.column.type, via: 'add column', def: op.column });
        break;
      case 'alterColumnType':
        out.push({ at, table: op.table, column: op.column, type: op.type, via: 'alter type' });
        break;
      case 'raw':
        out.push(...rawTypedColumns(at));
        break;
      default:
        break;
    }
  }
  cache.set(file, out);
  return out;
}

function rawTypedColumns(at: OpContext): TypedColumn[] {
  const out: TypedColumn[] = [];
  const create = rawNode(at.op, 'CreateStmt');
  const createdTable = create ? relationName(create.relation) : undefined;
  if (create && createdTable) {
    for (const el of list(create, 'tableElts')) {
      const def = as(el, 'ColumnDef');
      if (def?.typeName && typeof def.colname === 'string') {
        const type = safeType(def.typeName);
        if (type) out.push({ at, table: createdTable, column: def.colname, type, via: 'create table' });
      }
    }
  }
  for (const { table, subtype, cmd } of rawAlterCommands(at.op)) {
    const def = as(cmd.def, 'ColumnDef') as Body | undefined;
    const type = def?.typeName ? safeType(def.typeName) : undefined;
    if (!def || !type) continue;
    if (subtype === 'AT_AddColumn' && typeof def.colname === 'string') {
      out.push({ at, table, column: def.colname, type, via: 'add column' });
    } else if (subtype === 'AT_AlterColumnType' && typeof cmd.name === 'string') {
      out.push({ at, table, column: cmd.name, type, via: 'alter type' });
    }
  }
  return out;
}

/** The model's type of a raw TypeName node, or undefined when it cannot be read. */
function safeType(typeName: unknown): ColumnType | undefined {
  try {
    return columnType(typeName);
  } catch {
    return undefined;
  }
}

/** Whether a type is the built-in one of one of these names (unqualified or in pg_catalog). */
export function isBuiltin(type: ColumnType, names: ReadonlySet<string>): boolean {
  return (type.schema === undefined || type.schema === 'pg_catalog') && names.has(type.name);
}

/** A built-in type written the way dbm writes it, keeping the array dimensions. */
export function builtinType(name: string, sql: string, arrayDims: number, modifiers: readonly string[] = []): ColumnType {
  const mods = modifiers.length ? `(${modifiers.join(', ')})` : '';
  return { name, modifiers, arrayDims, sql: `${sql}${mods}${'[]'.repeat(arrayDims)}` };
}

/** How a type is shown in messages: as written, e.g. `varchar(50)`, `integer[]`. */
export function showType(type: ColumnType): string {
  return type.sql;
}

/** `table.column` for messages. */
export function showColumn(tc: Pick<TypedColumn, 'table' | 'column'>): string {
  return `${tc.table.schema ? `${tc.table.schema}.` : ''}${tc.table.name}.${tc.column}`;
}

/**
 * The same column with another type, as SQL for the statement it came from: a column definition
 * for CREATE TABLE, the full ADD COLUMN / ALTER COLUMN TYPE statement otherwise.
 */
export function withType(tc: TypedColumn, type: ColumnType, extra: Partial<ColumnDef> = {}): string {
  if (tc.via === 'alter type') {
    return sqlOf(alterColumnType({ table: tc.table, column: tc.column, type }));
  }
  const base: ColumnDef = tc.def ?? { name: tc.column, type, notNull: false, constraints: [] };
  const def: ColumnDef = { ...base, type, ...extra };
  if (tc.via === 'add column') return sqlOf(addColumn({ table: tc.table, column: def, ifNotExists: false }));
  return `${columnSql(def)} -- in CREATE TABLE ${tc.table.schema ? `${ident(tc.table.schema)}.` : ''}${ident(tc.table.name)}`;
}

/** Columns added earlier in the file (ADD COLUMN), so nobody can be reading them yet. */
export function addedColumns(file: FileContext): (table: QualifiedName, column: string, beforeIndex: number) => boolean {
  const added = new Map<string, number>();
  for (const { op, index } of file.ops) {
    // ADD COLUMN IF NOT EXISTS may meet a column that was there already
    if (op.kind !== 'addColumn' || op.ifNotExists) continue;
    const key = `${tableKey(op.table)}.${op.column.name}`;
    if (!added.has(key)) added.set(key, index);
  }
  return (table, column, beforeIndex) => {
    const at = added.get(`${tableKey(table)}.${column}`);
    return at !== undefined && at < beforeIndex;
  };
}

/** A constraint name `<table>_<column>_<suffix>` that fits PostgreSQL's 63 bytes. */
export function constraintName(table: QualifiedName, column: string, suffix: string): string {
  let base = `${table.name}_${column}`;
  while (Buffer.byteLength(`${base}_${suffix}`, 'utf8') > 63) base = [...base].slice(0, -1).join('');
  return `${base}_${suffix}`;
}

/**
 * The safe SQL for "this column as text, at most `limit` characters": the text column, then the
 * limit as a CHECK — inline for a table the file creates, NOT VALID + VALIDATE on an existing one.
 * Array columns get text[] without a check.
 */
export function textWithLimit(file: FileContext, tc: TypedColumn, limit: string | undefined): string {
  const text = builtinType('text', 'text', tc.type.arrayDims);
  if (limit === undefined || tc.type.arrayDims > 0) return withType(tc, text);
  const expr = `length(${ident(tc.column)}) <= ${limit}`;
  const onNewTable = tc.via === 'create table' || file.isNewTable(tc.table, tc.at.index);
  if (onNewTable && tc.via !== 'alter type') {
    const constraints = [...(tc.def?.constraints ?? []), { type: 'check' as const, expr }];
    return withType(tc, text, { constraints });
  }
  const name = constraintName(tc.table, tc.column, 'length');
  return [
    `${withType(tc, text)};`,
    `${sqlOf(addCheck({ table: tc.table, name, expr, notValid: true, noInherit: false }))};`,
    `${sqlOf(validateConstraint({ table: tc.table, name }))}; -- in a separate transaction`,
  ].join('\n');
}
