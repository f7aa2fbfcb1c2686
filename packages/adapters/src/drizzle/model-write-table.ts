/**
 * One table → `export const users = pgTable('users', { columns }, (t) => [ constraints, indexes ])`.
 * A constraint goes on its column (`.primaryKey()`, `.unique()`, `.references()`) when drizzle-kit
 * then gives it the name the model holds; otherwise in the table's list, named. What drizzle cannot
 * write (INCLUDE, NULLS NOT DISTINCT indexes, collations, deferrable keys, comments) is a warning with SQL.
 */
import type { ForeignKeyModel, IndexElement, IndexModel, TableModel, UniqueModel } from '@dbm/core';
import { keyOf, objectName, type WriteContext } from './model-write-context.js';
import { writeColumn, type ColumnInline } from './model-write-column.js';
import { drizzleForeignKeyName, drizzlePrimaryKeyName, drizzleUniqueName, pgIdentifier, pgPrimaryKeyName } from './model-pg-names.js';
import { deferrableSql, foreignKeySql, indexExpressionText, indexSql, tableCommentSql } from './model-write-sql.js';
import { docComment, sqlTemplate, tsObject, tsString } from './model-write-ts.js';

type Inline = Map<string, { -readonly [K in keyof ColumnInline]: ColumnInline[K] }>;

function actions(fk: ForeignKeyModel): { onDelete?: string; onUpdate?: string } {
  return {
    ...(fk.onDelete !== 'no action' ? { onDelete: tsString(fk.onDelete) } : {}),
    ...(fk.onUpdate !== 'no action' ? { onUpdate: tsString(fk.onUpdate) } : {}),
  };
}

/** Why drizzle cannot write the index, or undefined when it can. */
function indexProblem(i: IndexModel, keys: Map<string, string>): string | undefined {
  if (i.include?.length) return 'INCLUDE columns';
  if (i.nullsNotDistinct) return 'NULLS NOT DISTINCT';
  for (const e of i.elements) {
    if (e.collation) return `COLLATE on "${e.value}"`;
    if (e.expression && (e.order || e.nulls || e.opclass)) return `ordering or operator class on the expression ${e.value}`;
    if (e.opclass && (e.order === 'desc' || e.nulls)) return `DESC / NULLS with the operator class ${e.opclass} (drizzle-kit drops them)`;
    if (!e.expression && !keys.has(e.value)) return `column "${e.value}" not in the table`;
  }
  return undefined;
}

function indexElement(e: IndexElement, keys: Map<string, string>, ctx: WriteContext): string {
  if (e.expression) {
    ctx.ormImports.add('sql');
    return sqlTemplate(indexExpressionText(e.value));
  }
  let out = `t.${keys.get(e.value)!}`;
  if (e.opclass) out += `.op(${tsString(e.opclass)})`;
  // drizzle's .desc() means NULLS LAST, PostgreSQL's DESC means NULLS FIRST: say which, always
  if (e.order === 'desc') out += e.nulls === 'last' ? '.desc().nullsLast()' : '.desc().nullsFirst()';
  else if (e.nulls === 'first') out += '.nullsFirst()';
  return out;
}

function writeIndex(t: TableModel, i: IndexModel, keys: Map<string, string>, ctx: WriteContext): string | undefined {
  const problem = indexProblem(i, keys);
  if (problem) {
    ctx.warnings.push({ object: `${objectName(t)}.${i.name}`, message: `drizzle cannot write an index with ${problem}: kept as raw SQL`, rawSql: indexSql(t, i) });
    return undefined;
  }
  const fn = i.unique ? 'uniqueIndex' : 'index';
  ctx.imports.add(fn);
  const els = i.elements.map((e) => indexElement(e, keys, ctx)).join(', ');
  let out = `${fn}(${tsString(i.name)})${i.method === 'btree' ? `.on(${els})` : `.using(${tsString(i.method)}, ${els})`}`;
  if (i.where) {
    ctx.ormImports.add('sql');
    out += `.where(${sqlTemplate(i.where)})`;
  }
  return out;
}

function writeUnique(t: TableModel, u: UniqueModel, inline: Inline, keys: Map<string, string>, ctx: WriteContext): string | undefined {
  const only = u.columns.length === 1 ? inline.get(u.columns[0]!) : undefined;
  if (only && !only.unique) {
    const short = !u.nullsNotDistinct && u.name === pgIdentifier(drizzleUniqueName(t.name, u.columns[0]!));
    only.unique = short ? '.unique()' : `.unique(${tsString(u.name)}${u.nullsNotDistinct ? `, ${tsObject({ nulls: tsString('not distinct') })}` : ''})`;
    return undefined;
  }
  ctx.imports.add('unique');
  const named = u.name === pgIdentifier(`${t.name}_${u.columns.join('_')}_unique`) ? '' : tsString(u.name);
  return `unique(${named}).on(${u.columns.map((c) => `t.${keys.get(c)!}`).join(', ')})${u.nullsNotDistinct ? '.nullsNotDistinct()' : ''}`;
}

function writeForeignKey(t: TableModel, fk: ForeignKeyModel, inline: Inline, keys: Map<string, string>, ctx: WriteContext): string | undefined {
  const object = `${objectName(t)}.${fk.name}`;
  const targetKey = keyOf(fk.target.schema, fk.target.table);
  const targetVar = ctx.tableVars.get(targetKey);
  const targetKeys = ctx.columnKeys.get(targetKey);
  if (!targetVar || !targetKeys || fk.target.columns.some((c) => !targetKeys.has(c))) {
    ctx.warnings.push({ object, message: `foreign key to ${targetKey}, which is not in the schema: kept as raw SQL`, rawSql: foreignKeySql(t, fk) });
    return undefined;
  }
  if (fk.deferrable) ctx.warnings.push({ object, message: `drizzle has no DEFERRABLE foreign keys: INITIALLY ${fk.deferrable.toUpperCase()} kept as raw SQL`, rawSql: deferrableSql(t, fk) });
  const self = targetKey === keyOf(t.schema, t.name);
  const refs = fk.target.columns.map((c) => `${self ? 't' : targetVar}.${targetKeys.get(c)!}`);
  const only = fk.columns.length === 1 ? inline.get(fk.columns[0]!) : undefined;
  const defaultName = pgIdentifier(drizzleForeignKeyName(t.name, fk.columns, fk.target.table, fk.target.columns));
  if (only && !only.references && fk.name === defaultName) {
    if (self) ctx.typeImports.add('AnyPgColumn');
    const target = `${self ? '(): AnyPgColumn' : '()'} => ${targetVar}.${targetKeys.get(fk.target.columns[0]!)!}`;
    const opts = actions(fk);
    only.references = `.references(${target}${Object.keys(opts).length ? `, ${tsObject(opts)}` : ''})`;
    return undefined;
  }
  ctx.imports.add('foreignKey');
  const config = tsObject({
    name: fk.name === defaultName ? undefined : tsString(fk.name),
    columns: `[${fk.columns.map((c) => `t.${keys.get(c)!}`).join(', ')}]`,
    foreignColumns: `[${refs.join(', ')}]`,
  });
  const { onDelete, onUpdate } = actions(fk);
  return `foreignKey(${config})${onDelete ? `.onDelete(${onDelete})` : ''}${onUpdate ? `.onUpdate(${onUpdate})` : ''}`;
}

/** The table's `export const` statement. */
export function writeTable(t: TableModel, ctx: WriteContext): string {
  const key = keyOf(t.schema, t.name);
  const keys = ctx.columnKeys.get(key)!;
  const inline: Inline = new Map(t.columns.map((c) => [c.name, {}]));
  const entries: string[] = [];
  const pk = t.primaryKey;
  if (pk && pk.columns.length === 1 && pk.name === pgPrimaryKeyName(t.name) && inline.has(pk.columns[0]!)) inline.get(pk.columns[0]!)!.primaryKey = true;
  else if (pk) {
    ctx.imports.add('primaryKey');
    const named = pk.name === pgIdentifier(drizzlePrimaryKeyName(t.name, pk.columns)) ? undefined : tsString(pk.name);
    entries.push(`primaryKey(${tsObject({ name: named, columns: `[${pk.columns.map((c) => `t.${keys.get(c)!}`).join(', ')}]` })})`);
  }
  for (const u of t.uniques) entries.push(writeUnique(t, u, inline, keys, ctx) ?? '');
  for (const fk of t.foreignKeys) entries.push(writeForeignKey(t, fk, inline, keys, ctx) ?? '');
  for (const c of t.checks) {
    ctx.imports.add('check');
    ctx.ormImports.add('sql');
    entries.push(`check(${tsString(c.name)}, ${sqlTemplate(c.expr)})`);
  }
  for (const i of t.indexes) entries.push(writeIndex(t, i, keys, ctx) ?? '');
  const columns = t.columns.map((c) => writeColumn(t, c, keys.get(c.name)!, inline.get(c.name)!, ctx));
  if (t.comment !== undefined) ctx.warnings.push({ object: objectName(t), message: 'drizzle has no table comments: kept as raw SQL', rawSql: tableCommentSql(t, t.comment) });
  const schemaVar = ctx.schemaVars.get(t.schema);
  const fn = schemaVar ? `${schemaVar}.table` : 'pgTable';
  if (!schemaVar) ctx.imports.add('pgTable');
  const extra = entries.filter(Boolean);
  const tail = extra.length ? `}, (t) => [\n${extra.map((e) => `  ${e},\n`).join('')}]);` : '});';
  const doc = t.comment !== undefined ? docComment(t.comment, '') : '';
  return `${doc}export const ${ctx.tableVars.get(key)!} = ${fn}(${tsString(t.name)}, {\n${columns.join('\n')}\n${tail}\n`;
}
