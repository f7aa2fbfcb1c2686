/**
 * schema.prisma → SchemaModel. The schema is validated by Prisma's own parser (getDMMF, what
 * `prisma validate` runs), then rendered by Prisma's schema engine into the SQL `prisma migrate` would
 * run on an empty database, and the model is read from that SQL. The DMMF alone is not enough: it has
 * no foreign key names (`@relation(map:)`), no schema for enums under multiSchema, no Unsupported(...)
 * fields, and it reads `@default(0.00)` as 0; Prisma's conventions (String → text, DateTime →
 * timestamp(3), `<Table>_<cols>_key` names cut to 63 bytes, onDelete Restrict / SetNull, nullable
 * scalar lists) then come from Prisma itself instead of being restated here.
 * The DMMF still supplies what never reaches the database: client-side defaults and @updatedAt, reported.
 */
import {
  loadPostgresParser,
  normalizeSchema,
  serialSequenceName,
  parsePostgres,
  type ColumnDef,
  type ColumnModel,
  type ColumnType,
  type EnumModel,
  type ForeignKeyModel,
  type IndexModel,
  type Operation,
  type PrimaryKeyModel,
  type SchemaModel,
  type SchemaWarning,
  type TableModel,
} from '@dbm/core';
import { stripVTControlCharacters } from 'node:util';
import { prismaCreateScript } from './model-engine.js';
import { prismaDefault } from './model-read-defaults.js';
import { PrismaProjectError } from './project-error.js';

/** The result of {@link readPrismaModel}. */
export interface PrismaModelRead {
  readonly model: SchemaModel;
  readonly warnings: SchemaWarning[];
}

type Internals = typeof import('@prisma/internals');
type Dmmf = Awaited<ReturnType<Internals['getDMMF']>>;

const SERIALS: Readonly<Record<string, string>> = { serial: 'int4', smallserial: 'int2', bigserial: 'int8' };
/** Prisma Client fills these in; the database has no default for them. */
const CLIENT_DEFAULTS = new Set(['uuid', 'cuid', 'nanoid', 'ulid']);

async function validate(schemaText: string): Promise<Dmmf> {
  const mod = (await import('@prisma/internals')) as Internals & { default?: Internals };
  try {
    return await (mod.default ?? mod).getDMMF({ datamodel: schemaText });
  } catch (e) {
    const text = stripVTControlCharacters((e as Error)?.message ?? String(e));
    throw new PrismaProjectError(`the Prisma schema is invalid:\n${text.trim()}\nfix the schema (\`prisma validate\` reports the same)`);
  }
}

/** Builtin types lose the parser's pg_catalog qualifier; enum types keep their schema (public when unqualified). */
function columnType(t: ColumnType, enums: ReadonlySet<string>): ColumnType {
  const name = SERIALS[t.name] ?? t.name;
  const isEnum = (t.schema !== undefined && t.schema !== 'pg_catalog') || enums.has(`public.${t.name}`);
  const base = { name, modifiers: [...t.modifiers], arrayDims: t.arrayDims, sql: SERIALS[t.name] ? name : t.sql };
  return isEnum ? { ...base, schema: t.schema ?? 'public' } : base;
}

function column(table: string, def: ColumnDef, enums: ReadonlySet<string>): ColumnModel {
  const type = columnType(def.type, enums);
  const serial = SERIALS[def.type.name] !== undefined;
  const dflt = serial
    ? { kind: 'sequence' as const, sequence: serialSequenceName(table, def.name) }
    : def.default !== undefined
      ? prismaDefault(def.default, type)
      : undefined;
  return { name: def.name, type, nullable: !def.notNull, ...(dflt ? { default: dflt } : {}) };
}

interface Draft {
  schema: string;
  name: string;
  columns: ColumnModel[];
  primaryKey?: PrimaryKeyModel;
  indexes: IndexModel[];
  foreignKeys: ForeignKeyModel[];
}

const key = (schema: string | undefined, name: string) => `${schema ?? 'public'}.${name}`;

/** Folds Prisma's statements into tables and enums; a statement it does not expect is reported. */
function fold(ops: readonly Operation[], warnings: SchemaWarning[]): { tables: Draft[]; enums: EnumModel[] } {
  const tables = new Map<string, Draft>();
  const enums: EnumModel[] = [];
  const enumKeys = new Set(ops.flatMap((op) => (op.kind === 'createEnum' ? [key(op.type.schema, op.type.name)] : [])));
  const table = (schema: string | undefined, name: string): Draft => {
    const found = tables.get(key(schema, name));
    if (!found) throw new PrismaProjectError(`Prisma's SQL refers to table ${key(schema, name)} before creating it`);
    return found;
  };
  for (const op of ops) {
    if (op.kind === 'createEnum') {
      enums.push({ schema: op.type.schema ?? 'public', name: op.type.name, values: [...op.values] });
    } else if (op.kind === 'createTable') {
      const name = op.table.name;
      const pk = op.constraints.find((c) => c.type === 'primaryKey');
      tables.set(key(op.table.schema, name), {
        schema: op.table.schema ?? 'public',
        name,
        columns: op.columns.map((c) => column(name, c, enumKeys)),
        ...(pk ? { primaryKey: { name: pk.name ?? `${name}_pkey`, columns: [...pk.columns] } } : {}),
        indexes: [],
        foreignKeys: [],
      });
    } else if (op.kind === 'createIndex') {
      table(op.table.schema, op.table.name).indexes.push({
        name: op.name ?? '',
        unique: op.unique,
        method: op.method ?? 'btree',
        elements: op.elements.map((e) => ({ ...e })),
        ...(op.where ? { where: op.where } : {}),
        ...(op.include?.length ? { include: [...op.include] } : {}),
        ...(op.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
      });
    } else if (op.kind === 'addForeignKey') {
      const t = op.target;
      table(op.table.schema, op.table.name).foreignKeys.push({
        name: op.name ?? '',
        columns: [...op.columns],
        target: { schema: t.table.schema ?? 'public', table: t.table.name, columns: [...t.columns] },
        onDelete: t.onDelete ?? 'no action',
        onUpdate: t.onUpdate ?? 'no action',
        ...(t.deferrable ? { deferrable: t.deferrable } : {}),
      });
    } else if (op.kind === 'raw' && op.statement === 'CreateSchemaStmt') {
      // schemas are implied by the tables and enums in them
    } else {
      warnings.push({ object: op.kind, message: `Prisma's SQL holds a statement the schema model does not describe (${op.kind})`, rawSql: 'sql' in op && typeof op.sql === 'string' ? op.sql : undefined });
    }
  }
  return { tables: [...tables.values()], enums };
}

/** What the schema asks of Prisma Client rather than of the database, reported so it is not lost unseen. */
function clientOnly(dmmf: Dmmf): SchemaWarning[] {
  const out: SchemaWarning[] = [];
  for (const model of dmmf.datamodel.models) {
    for (const f of model.fields) {
      const object = `${model.dbName ?? model.name}.${f.dbName ?? f.name}`;
      const d = f.default as { name?: string } | undefined;
      if (d && typeof d === 'object' && !Array.isArray(d) && d.name && CLIENT_DEFAULTS.has(d.name)) {
        out.push({ object, message: `@default(${d.name}()) is generated by Prisma Client, not by the database: the column has no default` });
      }
      if (f.isUpdatedAt) out.push({ object, message: '@updatedAt is set by Prisma Client, not by the database' });
    }
  }
  return out;
}

/** Reads a Prisma schema (one file's text) into the neutral model, with what it could not carry. */
export async function readPrismaModel(schemaText: string): Promise<PrismaModelRead> {
  const dmmf = await validate(schemaText);
  const script = await prismaCreateScript(schemaText);
  await loadPostgresParser();
  const ops = parsePostgres(script, "Prisma's SQL for the schema").statements.flatMap((s) => s.ops);
  const warnings = clientOnly(dmmf);
  const { tables, enums } = fold(ops, warnings);
  const model: SchemaModel = normalizeSchema({
    tables: tables.map(
      (t): TableModel => ({
        schema: t.schema,
        name: t.name,
        columns: t.columns,
        ...(t.primaryKey ? { primaryKey: t.primaryKey } : {}),
        uniques: [],
        foreignKeys: t.foreignKeys,
        checks: [],
        indexes: t.indexes,
      }),
    ),
    enums,
    extras: [],
  });
  return { model, warnings };
}
