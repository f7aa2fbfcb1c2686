/**
 * A drizzle schema → the neutral {@link SchemaModel}, through drizzle-kit's own reading of it
 * (`generateDrizzleJson`: the snapshot drizzle-kit diffs to write migrations), so the model holds what
 * drizzle-kit would create: its default names, its index SQL, its column types. What drizzle describes
 * and the model does not (sequences, views, row level security, policies, roles) is kept as an extra
 * with its SQL, or reported.
 */
import { dirname } from 'node:path';
import { ident, normalizeSchema, type CheckModel, type ExtraModel, type ForeignKeyModel, type IndexModel, type ReferentialAction, type SchemaModel, type SchemaWarning, type TableModel, type UniqueModel } from '@dbm/core';
import { loadDrizzleKitApi, type PgSnapshot } from './kit-api.js';
import { readColumn, type PgColumnJson } from './model-read-column.js';
import { readIndex, type PgIndexJson } from './model-read-index.js';
import { pgIdentifier, pgPrimaryKeyName } from './model-pg-names.js';
import { loadTypeParser } from './model-type.js';
import { importDrizzleSchema } from './schema-module.js';

interface PgTableJson {
  readonly name: string;
  readonly schema: string;
  readonly columns: Record<string, PgColumnJson>;
  readonly indexes: Record<string, PgIndexJson>;
  readonly foreignKeys: Record<string, { name: string; tableTo: string; schemaTo?: string; columnsFrom: string[]; columnsTo: string[]; onDelete?: string; onUpdate?: string }>;
  readonly compositePrimaryKeys: Record<string, { name: string; columns: string[] }>;
  readonly uniqueConstraints: Record<string, { name: string; columns: string[]; nullsNotDistinct?: boolean }>;
  readonly checkConstraints?: Record<string, { name: string; value: string }>;
  readonly policies?: Record<string, { name: string }>;
  readonly isRLSEnabled?: boolean;
}

/** How to read the schema. */
export interface ReadDrizzleModelOptions {
  /** drizzle.config's `casing`, when the schema relies on it for column names. */
  readonly casing?: 'snake_case' | 'camelCase';
  /** Where to resolve drizzle-kit from (the project); defaults to the first schema file's folder. */
  readonly root?: string;
}

const by = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const action = (a: string | undefined): ReferentialAction => (a ?? 'no action').toLowerCase() as ReferentialAction;

function readTable(t: PgTableJson, warnings: SchemaWarning[]): TableModel {
  const schema = t.schema || 'public';
  const object = schema === 'public' ? t.name : `${schema}.${t.name}`;
  const columns = Object.values(t.columns).map((c) => readColumn(t.name, c, `${object}.${c.name}`, warnings));
  const inline = Object.values(t.columns).filter((c) => c.primaryKey).map((c) => c.name);
  const composite = Object.values(t.compositePrimaryKeys);
  if (composite.length + (inline.length ? 1 : 0) > 1) warnings.push({ object, message: 'more than one primary key declared; the first is kept' });
  const primaryKey = composite[0]
    ? { name: pgIdentifier(composite[0].name), columns: composite[0].columns }
    : inline.length
      ? { name: pgPrimaryKeyName(t.name), columns: inline }
      : undefined;
  const uniques = Object.values(t.uniqueConstraints).map((u): UniqueModel => ({ name: pgIdentifier(u.name), columns: u.columns, ...(u.nullsNotDistinct ? { nullsNotDistinct: true } : {}) }));
  const foreignKeys = Object.values(t.foreignKeys).map(
    (f): ForeignKeyModel => ({
      name: pgIdentifier(f.name),
      columns: f.columnsFrom,
      target: { schema: f.schemaTo || 'public', table: f.tableTo, columns: f.columnsTo },
      onDelete: action(f.onDelete),
      onUpdate: action(f.onUpdate),
    }),
  );
  const checks = Object.values(t.checkConstraints ?? {}).map((c): CheckModel => ({ name: pgIdentifier(c.name), expr: c.value }));
  const indexes = Object.values(t.indexes).map((i): IndexModel => readIndex(i, `${object}.${i.name}`, warnings));
  for (const p of Object.values(t.policies ?? {})) warnings.push({ object: `${object}.${p.name}`, message: 'row level security policy not read: the model has no policies' });
  return {
    schema,
    name: t.name,
    columns,
    ...(primaryKey ? { primaryKey } : {}),
    uniques: uniques.sort(by),
    foreignKeys: foreignKeys.sort(by),
    checks: checks.sort(by),
    indexes: indexes.sort(by),
  };
}

/** What the model does not describe, kept as SQL (sequences, views, RLS as a table option, empty schemas) or reported (roles, policies). */
function readExtras(snap: PgSnapshot, tables: readonly TableModel[], warnings: SchemaWarning[]): ExtraModel[] {
  const extras: ExtraModel[] = [];
  const q = (schema: string | undefined, name: string) => `${ident(schema || 'public')}.${ident(name)}`;
  const used = new Set([...tables.map((t) => t.schema), ...Object.values((snap.enums ?? {}) as Record<string, { schema: string }>).map((e) => e.schema)]);
  for (const name of Object.values((snap.schemas ?? {}) as Record<string, string>)) {
    if (!used.has(name)) extras.push({ kind: 'schema', name, sql: `CREATE SCHEMA ${ident(name)}`, schema: name });
  }
  type Seq = { name: string; schema?: string; increment?: string; minValue?: string; maxValue?: string; startWith?: string; cache?: string; cycle?: boolean };
  for (const s of Object.values((snap.sequences ?? {}) as Record<string, Seq>)) {
    const opts = [
      s.increment && `INCREMENT BY ${s.increment}`,
      s.minValue && `MINVALUE ${s.minValue}`,
      s.maxValue && `MAXVALUE ${s.maxValue}`,
      s.startWith && `START WITH ${s.startWith}`,
      s.cache && `CACHE ${s.cache}`,
      s.cycle && 'CYCLE',
    ].filter(Boolean);
    extras.push({ kind: 'sequence', name: `${s.schema || 'public'}.${s.name}`, schema: s.schema || 'public', sql: `CREATE SEQUENCE ${q(s.schema, s.name)}${opts.length ? ` ${opts.join(' ')}` : ''}` });
  }
  type View = { name: string; schema?: string; definition?: string; materialized?: boolean; isExisting?: boolean };
  for (const v of Object.values((snap.views ?? {}) as Record<string, View>)) {
    const name = `${v.schema || 'public'}.${v.name}`;
    if (v.isExisting) continue; // `.existing()`: drizzle does not manage it either
    if (!v.definition) warnings.push({ object: name, message: 'view without a definition drizzle-kit can print: not read' });
    else extras.push({ kind: v.materialized ? 'materialized view' : 'view', name, schema: v.schema || 'public', sql: `CREATE ${v.materialized ? 'MATERIALIZED ' : ''}VIEW ${q(v.schema, v.name)} AS ${v.definition}` });
  }
  for (const t of Object.values((snap.tables ?? {}) as Record<string, PgTableJson>)) {
    if (t.isRLSEnabled) extras.push({ kind: 'table option', name: `${t.schema || 'public'}.${t.name}`, schema: t.schema || 'public', sql: `ALTER TABLE ${q(t.schema, t.name)} ENABLE ROW LEVEL SECURITY` });
  }
  for (const r of Object.values((snap.roles ?? {}) as Record<string, { name: string }>)) warnings.push({ object: r.name, message: 'role not read: the model has no roles' });
  for (const p of Object.values((snap.policies ?? {}) as Record<string, { name: string }>)) warnings.push({ object: p.name, message: 'policy not read: the model has no policies' });
  return extras;
}

/** The model of a drizzle-kit PostgreSQL snapshot (version 7), in canonical form ({@link normalizeSchema}). */
export async function modelFromDrizzleSnapshot(snap: PgSnapshot): Promise<{ model: SchemaModel; warnings: SchemaWarning[] }> {
  await loadTypeParser();
  const warnings: SchemaWarning[] = [];
  const tables = Object.values((snap.tables ?? {}) as Record<string, PgTableJson>)
    .map((t) => readTable(t, warnings))
    .sort((a, b) => (a.schema === b.schema ? by(a, b) : a.schema < b.schema ? -1 : 1));
  const enums = Object.values((snap.enums ?? {}) as Record<string, { name: string; schema: string; values: string[] }>)
    .map((e) => ({ schema: e.schema || 'public', name: e.name, values: e.values }))
    .sort((a, b) => (a.schema === b.schema ? by(a, b) : a.schema < b.schema ? -1 : 1));
  const extras = readExtras(snap, tables, warnings);
  return { model: normalizeSchema({ tables, enums, extras }), warnings };
}

/**
 * Reads a drizzle schema: its files (TypeScript or JavaScript, loaded as drizzle-kit loads them), or
 * the exports of modules already loaded. Throws {@link DrizzleProjectError} for a file that does not load.
 */
export async function readDrizzleModel(
  schema: readonly string[] | Record<string, unknown>,
  options: ReadDrizzleModelOptions = {},
): Promise<{ model: SchemaModel; warnings: SchemaWarning[] }> {
  const files = Array.isArray(schema) ? (schema as readonly string[]) : undefined;
  const exports = files ? await importDrizzleSchema(files) : (schema as Record<string, unknown>);
  const root = options.root ?? (files?.[0] ? dirname(files[0]) : process.cwd());
  const api = await loadDrizzleKitApi(root);
  const snap = api.generateDrizzleJson(exports, undefined, undefined, options.casing);
  return modelFromDrizzleSnapshot(snap);
}
