/**
 * SchemaModel → schema.prisma, in Prisma's idiom: singular PascalCase models with `@@map` to their
 * table, camelCase fields with `@map`, `@db.*` whenever a type is not the scalar's default, Prisma's
 * default functions where they give the same database, relation fields on both sides, `map:` only for
 * names Prisma would not choose, `@@schema` under multiple schemas; formatted by Prisma's own formatter
 * (what `prisma format` writes). What the language cannot hold comes back as warnings whose raw SQL,
 * appended to the baseline migration after Prisma's SQL, completes the database.
 */
import type { ColumnType, EnumModel, SchemaModel, SchemaWarning } from '@dbm/core';
import { enumValueName, modelNameFor, NameScope, pascalCase, PRISMA_IDENT } from './model-names.js';
import { addRelation } from './model-relations.js';
import { foreignKeySql, deferrableSql } from './model-raw.js';
import { prismaString } from './model-write-defaults.js';
import { byColumnPosition } from './model-write-keys.js';
import { draftTable, objectName, type EnumLookup, type ModelDraft } from './model-write-table.js';

/** Options of {@link writePrismaSchema}. */
export interface PrismaWriteOptions {
  readonly datasourceProvider?: 'postgresql';
  /** Text put at the top of the file as `//` comments. */
  readonly header?: string;
  /** A generator block to include (Prisma Client needs one; migrations do not). */
  readonly generator?: { readonly provider: string; readonly output?: string };
}

/** The written schema and what it could not express. */
export interface PrismaSchemaWritten {
  readonly schema: string;
  readonly warnings: SchemaWarning[];
}

const enumKey = (schema: string | undefined, name: string) => `${schema ?? 'public'}.${name}`;

interface EnumDraft {
  readonly model: EnumModel;
  readonly name: string;
  readonly values: ReadonlyMap<string, string>;
}

function enumDrafts(model: SchemaModel, names: NameScope): Map<string, EnumDraft> {
  const out = new Map<string, EnumDraft>();
  for (const e of model.enums) {
    const scope = new NameScope();
    const values = new Map(e.values.map((v) => [v, scope.take(enumValueName(v))]));
    out.set(enumKey(e.schema, e.name), { model: e, name: names.take(pascalCase(e.name)), values });
  }
  return out;
}

function enumBlock(d: EnumDraft, multiSchema: boolean): string {
  const lines = d.model.values.map((v) => (d.values.get(v) === v ? v : `${d.values.get(v)} @map(${prismaString(v)})`));
  const attrs = [d.name !== d.model.name ? `@@map(${prismaString(d.model.name)})` : undefined, multiSchema ? `@@schema(${prismaString(d.model.schema)})` : undefined];
  return [`enum ${d.name} {`, ...lines, ...(attrs.some(Boolean) ? ['', ...attrs.filter(Boolean)] : []), '}'].join('\n');
}

function modelBlock(d: ModelDraft, multiSchema: boolean, ignore: boolean): string {
  const attrs = [
    ...d.blockAttrs,
    d.name !== d.table.name ? `@@map(${prismaString(d.table.name)})` : undefined,
    multiSchema ? `@@schema(${prismaString(d.table.schema)})` : undefined,
    ignore ? '@@ignore' : undefined,
  ].filter(Boolean);
  return [...d.docs, `model ${d.name} {`, ...d.lines, ...d.relationLines, ...(attrs.length ? ['', ...attrs] : []), '}'].join('\n');
}

/** Adds every foreign key as a relation, or as raw SQL when Prisma cannot express it. */
function relations(model: SchemaModel, drafts: Map<string, ModelDraft>, warnings: SchemaWarning[]): void {
  const pairs = new Map<string, number>();
  const pairKey = (a: string, b: string) => [a, b].sort().join('\u0000');
  for (const t of model.tables) {
    for (const fk of t.foreignKeys) {
      const k = pairKey(enumKey(t.schema, t.name), enumKey(fk.target.schema, fk.target.table));
      pairs.set(k, (pairs.get(k) ?? 0) + 1);
    }
  }
  for (const t of model.tables) {
    const source = drafts.get(enumKey(t.schema, t.name))!;
    for (const fk of byColumnPosition(t, t.foreignKeys, (f) => f.columns, (f) => f.name)) {
      const target = drafts.get(enumKey(fk.target.schema, fk.target.table));
      const self = target === source;
      const named = self || (pairs.get(pairKey(enumKey(t.schema, t.name), enumKey(fk.target.schema, fk.target.table))) ?? 0) > 1;
      if (!target || !addRelation(fk, source, target, named)) {
        warnings.push({
          object: objectName(t, fk.name),
          message: 'Prisma cannot declare this foreign key as a relation (its target is not a table of the model, or not unique in Prisma terms); it is created by raw SQL',
          rawSql: foreignKeySql(t, fk),
        });
        continue;
      }
      if (fk.deferrable) warnings.push({ object: objectName(t, fk.name), message: 'Prisma cannot declare DEFERRABLE; raw SQL makes the foreign key deferrable', rawSql: deferrableSql(t, fk) });
    }
  }
}

async function format(text: string): Promise<string> {
  type Internals = typeof import('@prisma/internals');
  const mod = (await import('@prisma/internals')) as Internals & { default?: Internals };
  const [[, formatted] = ['', text]] = await (mod.default ?? mod).formatSchema({ schemas: [['schema.prisma', text]] });
  return formatted;
}

/** Writes `model` as a Prisma schema. The warnings' raw SQL belongs after Prisma's SQL in the baseline. */
export async function writePrismaSchema(model: SchemaModel, opts: PrismaWriteOptions = {}): Promise<PrismaSchemaWritten> {
  const warnings: SchemaWarning[] = [];
  const names = new NameScope(['Prisma']);
  const enums = enumDrafts(model, names);
  const lookup: EnumLookup = {
    name: (t: ColumnType) => enums.get(enumKey(t.schema, t.name))?.name,
    value: (t: ColumnType, v: string) => enums.get(enumKey(t.schema, t.name))?.values.get(v),
  };
  const drafts = new Map<string, ModelDraft>();
  for (const t of model.tables) drafts.set(enumKey(t.schema, t.name), draftTable(t, names.take(modelNameFor(t.name)), lookup, warnings));
  relations(model, drafts, warnings);
  for (const x of model.extras) warnings.push({ object: x.name, message: `Prisma's schema has no ${x.kind}; it is created by raw SQL`, rawSql: x.sql });
  const schemas = [...new Set([...model.tables.map((t) => t.schema), ...model.enums.map((e) => e.schema)])].sort();
  const multiSchema = schemas.length > 1 || (schemas.length === 1 && schemas[0] !== 'public');
  const blocks: string[] = [];
  if (opts.header) blocks.push(opts.header.split('\n').map((l) => `// ${l}`.trimEnd()).join('\n'));
  if (opts.generator) {
    const out = opts.generator.output ? [`  output = ${prismaString(opts.generator.output)}`] : [];
    blocks.push(['generator client {', `  provider = ${prismaString(opts.generator.provider)}`, ...out, '}'].join('\n'));
  }
  const ds = [`  provider = ${prismaString(opts.datasourceProvider ?? 'postgresql')}`];
  if (multiSchema) ds.push(`  schemas = [${schemas.map(prismaString).join(', ')}]`);
  blocks.push(['datasource db {', ...ds, '}'].join('\n'));
  for (const d of drafts.values()) {
    if (d.ignored) warnings.push({ object: objectName(d.table), message: 'Prisma needs a primary key or a unique key on every model; the model is marked @@ignore (Prisma Client leaves it out)' });
    blocks.push(modelBlock(d, multiSchema, d.ignored));
  }
  for (const e of enums.values()) blocks.push(enumBlock(e, multiSchema));
  for (const e of enums.values()) if (!PRISMA_IDENT.test(e.name)) throw new Error(`dbm made an invalid Prisma enum name "${e.name}"`);
  return { schema: await format(`${blocks.join('\n\n')}\n`), warnings };
}
