/**
 * A {@link SchemaModel} as the baseline DDL that creates it on an empty database, in dependency order:
 * schemas, the extras tables need (extensions, domains, types, sequences, functions), enums, tables,
 * foreign keys (after every table, so order and cycles do not matter), indexes, comments, then the
 * extras that need tables (views, triggers, policies…). Tables, keys and indexes are written through
 * the operation model and compilePostgres, so every identifier is quoted by the same code as elsewhere.
 */
import { compilePostgres, toScript } from '../dialects/postgres/compile.js';
import { ident, literal, qname } from '../dialects/postgres/quote.js';
import type { ColumnDef, ForeignKeyTarget, QualifiedName, TableConstraint } from '../operations/common.js';
import * as ops from '../operations/index.js';
import { beforeTables, inScriptOrder } from './extra-kinds.js';
import type { ColumnModel, DefaultModel, SchemaModel, TableModel } from './model.js';
import { normalizeSchema } from './normalize.js';
import { indexOperation } from './operations.js';
import { serialSequenceName } from './sequence-name.js';
import { SERIAL_FOR } from './types.js';

/** A name stored as `schema.name` or bare `name` (meaning `fallback`'s schema). */
function splitName(text: string, fallback: string, schemas: ReadonlySet<string>): QualifiedName {
  const dot = text.indexOf('.');
  if (dot > 0 && schemas.has(text.slice(0, dot))) return { schema: text.slice(0, dot), name: text.slice(dot + 1) };
  return { schema: fallback, name: text };
}

/** A column collation name as COLLATE text: pg_catalog's bare, others `schema.name`. */
function collationSql(name: string, schemas: ReadonlySet<string>): string {
  const dot = name.indexOf('.');
  return dot > 0 && schemas.has(name.slice(0, dot)) ? `${ident(name.slice(0, dot))}.${ident(name.slice(dot + 1))}` : ident(name);
}

/** Whether a sequence default can be written as serial: an integer column whose sequence has serial's name. */
function asSerial(t: TableModel, c: ColumnModel): string | undefined {
  if (c.default?.kind !== 'sequence' || c.type.arrayDims || c.type.schema) return undefined;
  return c.default.sequence === serialSequenceName(t.name, c.name) ? SERIAL_FOR[c.type.name] : undefined;
}

function defaultSql(d: DefaultModel, t: TableModel, schemas: ReadonlySet<string>): string {
  switch (d.kind) {
    case 'sequence':
      return `nextval(${literal(qname(splitName(d.sequence, t.schema, schemas)))}::regclass)`;
    case 'expression':
      // DEFAULT takes a restricted expression grammar; parentheses admit any expression
      return `(${d.sql})`;
    default:
      return d.sql;
  }
}

interface Script {
  readonly before: string[];
  readonly tables: string[];
  readonly after: string[];
}

function columnDef(t: TableModel, c: ColumnModel, schemas: ReadonlySet<string>, out: Script): ColumnDef {
  const serial = asSerial(t, c);
  const table = { schema: t.schema, name: t.name };
  if (c.default?.kind === 'sequence' && !serial) {
    const seq = qname(splitName(c.default.sequence, t.schema, schemas));
    out.before.push(`CREATE SEQUENCE ${seq} AS ${c.type.sql}`);
    out.after.push(`ALTER SEQUENCE ${seq} OWNED BY ${qname(table)}.${ident(c.name)}`);
  }
  // serial implies NOT NULL; a serial column made nullable later gets that back
  if (serial && c.nullable) out.after.push(compilePostgres(ops.dropNotNull({ table, column: c.name })));
  return {
    name: c.name,
    type: serial ? { ...c.type, sql: serial } : c.type,
    notNull: !c.nullable && !serial,
    ...(c.default && !serial ? { default: defaultSql(c.default, t, schemas) } : {}),
    ...(c.identity ? { identity: c.identity } : {}),
    ...(c.generated !== undefined ? { generated: c.generated } : {}),
    ...(c.collation ? { collation: collationSql(c.collation, schemas) } : {}),
    constraints: [],
  };
}

function tableSql(t: TableModel, schemas: ReadonlySet<string>, out: Script): void {
  const table = { schema: t.schema, name: t.name };
  const constraints: TableConstraint[] = [
    ...(t.primaryKey ? [{ type: 'primaryKey' as const, name: t.primaryKey.name, columns: t.primaryKey.columns }] : []),
    ...t.uniques.map((u) => ({ type: 'unique' as const, name: u.name, columns: u.columns, ...(u.nullsNotDistinct ? { nullsNotDistinct: true } : {}) })),
    ...t.checks.map((c) => ({ type: 'check' as const, name: c.name, expr: c.expr })),
  ];
  const columns = t.columns.map((c) => columnDef(t, c, schemas, out));
  out.tables.push(compilePostgres(ops.createTable({ table, columns, constraints, ifNotExists: false, persistence: 'permanent' })));
}

function foreignKeys(t: TableModel): string[] {
  return t.foreignKeys.map((f) => {
    const target: ForeignKeyTarget = {
      table: { schema: f.target.schema, name: f.target.table },
      columns: f.target.columns,
      ...(f.onDelete !== 'no action' ? { onDelete: f.onDelete } : {}),
      ...(f.onUpdate !== 'no action' ? { onUpdate: f.onUpdate } : {}),
      ...(f.deferrable ? { deferrable: f.deferrable } : {}),
    };
    return compilePostgres(ops.addForeignKey({ table: { schema: t.schema, name: t.name }, name: f.name, columns: f.columns, target, notValid: false }));
  });
}

function indexes(t: TableModel): string[] {
  return t.indexes.map((i) => compilePostgres(indexOperation(t, i)));
}

function comments(t: TableModel): string[] {
  const table = qname({ schema: t.schema, name: t.name });
  return [
    ...(t.comment !== undefined ? [`COMMENT ON TABLE ${table} IS ${literal(t.comment)}`] : []),
    ...t.columns.filter((c) => c.comment !== undefined).map((c) => `COMMENT ON COLUMN ${table}.${ident(c.name)} IS ${literal(c.comment!)}`),
  ];
}

/** The SQL script that creates `model` on an empty database (statements end with `;`). */
export function schemaToSql(model: SchemaModel): string {
  const m = normalizeSchema(model);
  const schemaNames = [...new Set([...m.tables.map((t) => t.schema), ...m.enums.map((e) => e.schema), ...m.extras.flatMap((x) => (x.schema ? [x.schema] : []))])].sort();
  const schemas = new Set(schemaNames);
  const extras = inScriptOrder(m.extras);
  const early = extras.filter(beforeTables);
  const functions = early.some((x) => x.kind === 'function' || x.kind === 'procedure');
  const out: Script = { before: [], tables: [], after: [] };
  for (const t of m.tables) tableSql(t, schemas, out);
  const statements = [
    ...schemaNames.map((s) => `CREATE SCHEMA IF NOT EXISTS ${ident(s)}`),
    // like pg_dump: function bodies may name tables created further down
    ...(functions ? ['SET check_function_bodies = false'] : []),
    ...m.enums.map((e) => compilePostgres(ops.createEnum({ type: { schema: e.schema, name: e.name }, values: e.values }))),
    ...early.map((x) => x.sql),
    ...out.before,
    ...out.tables,
    ...m.tables.flatMap(foreignKeys),
    ...m.tables.flatMap(indexes),
    ...out.after,
    ...m.tables.flatMap(comments),
    ...extras.filter((x) => !beforeTables(x)).map((x) => x.sql),
  ];
  return toScript(statements);
}
