/**
 * One table as a Prisma model: its scalar fields (type, native type, default, @map, keys) and block
 * attributes, plus a warning with raw SQL for each part Prisma's schema language cannot hold.
 */
import { serialSequenceName, type ColumnType, type SchemaWarning, type TableModel, type UniqueModel } from '@dbm/core';
import { camelCase, NameScope, PRISMA_IDENT } from './model-names.js';
import * as raw from './model-raw.js';
import { setKey, type RelationModel } from './model-relations.js';
import { prismaFieldType } from './model-types.js';
import { prismaDefaultAttribute, prismaString } from './model-write-defaults.js';
import { indexExpressible, keyAttributes } from './model-write-keys.js';

/** Enums as the writer resolves them. */
export interface EnumLookup {
  /** The enum's Prisma name for a column type, or undefined when the type is not an enum. */
  name(t: ColumnType): string | undefined;
  /** The Prisma name of one value of the enum behind `t`. */
  value(t: ColumnType, value: string): string | undefined;
}

/** A model being written. */
export interface ModelDraft extends RelationModel {
  readonly lines: string[];
  readonly blockAttrs: string[];
  readonly docs: string[];
}

/** `schema.table.object`, without the schema when it is public. */
export function objectName(t: TableModel, part?: string): string {
  const table = t.schema === 'public' ? t.name : `${t.schema}.${t.name}`;
  return part === undefined ? table : `${table}.${part}`;
}

/** Builds the model of `t` named `name`; what Prisma cannot say goes to `warnings` with its SQL. */
export function draftTable(t: TableModel, name: string, enums: EnumLookup, warnings: SchemaWarning[]): ModelDraft {
  const warn = (part: string | undefined, message: string, rawSql?: string) =>
    warnings.push({ object: objectName(t, part), message, ...(rawSql ? { rawSql } : {}) });
  const scope = new NameScope();
  const fields = new Map(t.columns.map((c) => [c.name, scope.take(camelCase(c.name))]));
  const prismaUniques: UniqueModel[] = [];
  for (const u of t.uniques) {
    if (u.nullsNotDistinct) {
      warn(u.name, 'Prisma cannot declare UNIQUE NULLS NOT DISTINCT; the constraint is created by raw SQL', raw.uniqueSql(t, u));
      continue;
    }
    prismaUniques.push(u);
    warn(u.name, 'Prisma creates unique indexes, not unique constraints; raw SQL turns the index Prisma builds into the constraint', raw.uniqueFromIndexSql(t, u));
  }
  const indexes = t.indexes.filter((ix) => {
    if (indexExpressible(ix)) return true;
    // measured: Prisma's differ leaves expression and partial indexes alone, but drops one with INCLUDE
    const dropped = ix.include?.length && !ix.where && !ix.elements.some((e) => e.expression)
      ? ". Prisma's own migrate dev will propose dropping it: delete that DROP INDEX from the migration it writes"
      : '';
    warn(ix.name, `Prisma cannot declare this index (expression, WHERE, INCLUDE, operator class, collation, NULLS order or method); it is created by raw SQL${dropped}`, raw.indexSql(t, ix));
    return false;
  });
  const keys = keyAttributes(t, fields, indexes, prismaUniques);
  const uniqueSets = new Set([
    ...(t.primaryKey ? [setKey(t.primaryKey.columns)] : []),
    ...prismaUniques.map((u) => setKey(u.columns)),
    ...indexes.filter((i) => i.unique).map((i) => setKey(i.elements.map((e) => e.value))),
  ]);
  const lines: string[] = [];
  for (const c of t.columns) {
    const type = prismaFieldType(c.type, (ct) => enums.name(ct));
    const attrs = [...(keys.fieldAttrs.get(c.name) ?? [])];
    const dflt = prismaDefaultAttribute({
      column: c,
      serialSequence: serialSequenceName(t.name, c.name),
      list: type.list,
      ...(enums.name(c.type) ? { enumValue: (v: string) => enums.value(c.type, v) } : {}),
    });
    if (dflt) attrs.push(dflt);
    const field = fields.get(c.name)!;
    if (field !== c.name) attrs.push(`@map(${prismaString(c.name)})`);
    if (type.native) attrs.push(type.native);
    if (type.unsupported) warn(c.name, `Prisma has no type for ${c.type.sql}: the field is Unsupported(...), which Prisma Client cannot read or write`);
    if (c.identity) {
      warn(c.name, `Prisma cannot declare identity columns; the field says @default(autoincrement()) (as Prisma reads an identity column) and raw SQL makes the column GENERATED ${c.identity.toUpperCase()} AS IDENTITY`, raw.identitySql(t, c));
    }
    if (c.generated !== undefined) warn(c.name, 'Prisma cannot declare generated columns; raw SQL recreates the column as GENERATED ALWAYS AS … STORED (it moves to the end of the table)', raw.generatedSql(t, c));
    if (c.collation) warn(c.name, `Prisma cannot declare a column collation; raw SQL sets COLLATE ${c.collation}`, raw.collationSql(t, c));
    if (type.list && !c.nullable) warn(c.name, 'Prisma creates list columns nullable; raw SQL sets NOT NULL', raw.notNullSql(t, c));
    if (dflt === '@default([])') warn(c.name, "Prisma writes @default([]) as ARRAY[]; raw SQL keeps the database's own spelling of the empty list", raw.defaultSql(t, c));
    if (c.comment !== undefined) warn(c.name, 'Prisma does not create comments (the /// line documents the field only); raw SQL sets the comment', raw.commentSql(t, c.name, c.comment));
    const docs = c.comment !== undefined ? c.comment.split('\n').map((l) => `/// ${l}`) : [];
    const suffix = type.list ? '[]' : c.nullable ? '?' : '';
    lines.push(...docs, [field, `${type.type}${suffix}`, ...attrs].join(' '));
  }
  for (const ck of t.checks) warn(ck.name, 'Prisma has no CHECK constraints; the check is created by raw SQL', raw.checkSql(t, ck.name, ck.expr));
  if (t.comment !== undefined) warn(undefined, 'Prisma does not create comments (the /// line documents the model only); raw SQL sets the comment', raw.commentSql(t, undefined, t.comment));
  if (!PRISMA_IDENT.test(name)) throw new Error(`dbm made an invalid Prisma model name "${name}" for table ${objectName(t)}`);
  return {
    table: t,
    name,
    fields,
    scope,
    uniqueSets,
    ignored: !t.primaryKey && uniqueSets.size === 0,
    relationLines: [],
    lines,
    blockAttrs: keys.blockAttrs,
    docs: t.comment !== undefined ? t.comment.split('\n').map((l) => `/// ${l}`) : [],
  };
}
