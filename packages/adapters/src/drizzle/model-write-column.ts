/**
 * One column → its line in a drizzle table: `key: builder('db_name', { options })` then, in drizzle's
 * usual order, `.array()`, `.primaryKey()`, `.notNull()`, `.default…()`, `.unique()`, `.references()`,
 * `.generated…()`. Defaults use drizzle's own idiom (`.defaultNow()`, `.defaultRandom()`, a literal)
 * only where drizzle-kit then writes the very SQL the model holds; otherwise the SQL itself, in `sql`.
 */
import type { ColumnModel, DefaultModel, TableModel } from '@dbm/core';
import { objectName, type WriteContext } from './model-write-context.js';
import { pgSerialSequenceName } from './model-pg-names.js';
import { canonicalTypeName } from './model-type.js';
import { collationSql, columnCommentSql, defaultSqlText } from './model-write-sql.js';
import { drizzleKeepsType, typeBuilder, type TypeBuilder } from './model-write-type.js';
import { docComment, sqlTemplate, tsObject, tsString } from './model-write-ts.js';

/** What the table writer decided to say on the column itself. */
export interface ColumnInline {
  readonly primaryKey?: boolean;
  /** The `.unique(...)` call, when the column's unique constraint is written inline. */
  readonly unique?: string;
  /** The `.references(...)` call. */
  readonly references?: string;
}

const SERIALS: Readonly<Record<string, string>> = { int2: 'smallserial', int4: 'serial', int8: 'bigserial' };
const INTEGERS = new Set(['int2', 'int4', 'int8', 'float4', 'float8']);
const STRINGS = new Set(['text', 'varchar', 'bpchar', 'enum']);

/** A sequence name as the model may spell it (bare, qualified, quoted) → its bare name. */
const bareSequence = (s: string) => (s.match(/(?:"((?:[^"]|"")+)"|([^."]+))$/)?.slice(1).find(Boolean) ?? s).replace(/""/g, '"');

/** The default call, or `undefined` when the builder implies it (serial). */
function defaultCall(d: DefaultModel, b: TypeBuilder, arrayDims: number, ctx: WriteContext): string {
  const raw = (sql: string) => {
    ctx.ormImports.add('sql');
    return `.default(${sqlTemplate(defaultSqlText(sql))})`;
  };
  const scalar = arrayDims === 0;
  switch (d.kind) {
    case 'now':
      return scalar && /^now\(\)$/i.test(d.sql) && ['timestamp', 'timestamptz'].includes(b.kind) ? '.defaultNow()' : raw(d.sql);
    case 'uuid':
      return scalar && d.sql === 'gen_random_uuid()' && b.kind === 'uuid' ? '.defaultRandom()' : raw(d.sql);
    case 'sequence':
      return raw(`nextval('${d.sequence.replace(/'/g, "''")}'::regclass)`);
    case 'expression':
      return raw(d.sql);
    case 'literal': {
      if (!scalar) return raw(d.sql);
      if (typeof d.value === 'boolean' && b.kind === 'bool' && d.sql === String(d.value)) return `.default(${String(d.value)})`;
      if (/^-?\d+(\.\d+)?$/.test(d.sql) && INTEGERS.has(b.kind) && String(Number(d.sql)) === d.sql) return `.default(${d.sql})`;
      // drizzle writes numeric defaults as strings ('0.00'), which PostgreSQL stores as the number 0.00
      const decimal = b.kind === 'numeric' ? /^(-?\d+(?:\.\d+)?)$|^'(-?\d+(?:\.\d+)?)'$/.exec(d.sql) : null;
      if (decimal) return `.default(${tsString(decimal[1] ?? decimal[2]!)})`;
      if (typeof d.value === 'string' && STRINGS.has(b.kind) && /^'(?:[^']|'')*'(::.*)?$/.test(d.sql)) return `.default(${tsString(d.value)})`;
      return raw(d.sql);
    }
  }
}

/** Whether the column is the serial PostgreSQL would make (its own sequence, by its default name). */
function isSerial(t: TableModel, c: ColumnModel): boolean {
  return c.default?.kind === 'sequence' && !c.nullable && c.type.arrayDims === 0 && !!SERIALS[typeBuilderKind(c)] && bareSequence(c.default.sequence) === pgSerialSequenceName(t.name, c.name);
}

const typeBuilderKind = (c: ColumnModel) => canonicalTypeName(c.type.name);

/** The column's source line (two-space indented, with a JSDoc line for its comment) and its key. */
export function writeColumn(t: TableModel, c: ColumnModel, key: string, inline: ColumnInline, ctx: WriteContext): string {
  const object = `${objectName(t)}.${c.name}`;
  const serial = isSerial(t, c);
  let b = typeBuilder(c.type, ctx);
  if (serial) b = { ...b, fn: SERIALS[b.kind]!, ...(b.kind === 'int8' ? { options: tsObject({ mode: tsString('number') }) } : { options: undefined }) };
  if (b.imported) ctx.imports.add(b.fn);
  if (!b.imported && b.kind !== 'enum') {
    const custom = [...ctx.customTypes.values()].find((d) => d.name === b.fn)!;
    if (!drizzleKeepsType(custom.dataType)) {
      ctx.warnings.push({ object, message: `drizzle-kit quotes the type "${custom.dataType}" as one name; create the column by hand if it fails` });
    }
  }
  const args = [...(key !== c.name ? [tsString(c.name)] : []), ...(b.options ? [b.options] : [])];
  const chain: string[] = ['.array()'.repeat(c.type.arrayDims)];
  if (inline.primaryKey) chain.push('.primaryKey()');
  else if (!c.nullable && !serial && !c.identity) chain.push('.notNull()');
  if (c.default && !serial) chain.push(defaultCall(c.default, b, c.type.arrayDims, ctx));
  if (c.default?.kind === 'sequence' && !serial) {
    ctx.warnings.push({ object, message: `default nextval('${c.default.sequence}') is not a serial drizzle can write: create that sequence before this table` });
  }
  if (inline.unique) chain.push(inline.unique);
  if (inline.references) chain.push(inline.references);
  if (c.identity) chain.push(c.identity === 'always' ? '.generatedAlwaysAsIdentity()' : '.generatedByDefaultAsIdentity()');
  if (c.generated !== undefined) {
    ctx.ormImports.add('sql');
    chain.push(`.generatedAlwaysAs(${sqlTemplate(c.generated)})`);
  }
  if (c.identity && c.nullable) ctx.warnings.push({ object, message: 'an identity column is NOT NULL in PostgreSQL; written as identity' });
  if (c.collation) ctx.warnings.push({ object, message: `drizzle has no column collation: COLLATE "${c.collation}" kept as raw SQL`, rawSql: collationSql(t, c, c.collation) });
  if (c.comment !== undefined) ctx.warnings.push({ object, message: 'drizzle has no column comments: kept as raw SQL', rawSql: columnCommentSql(t, c, c.comment) });
  const doc = c.comment !== undefined ? docComment(c.comment, '  ') : '';
  return `${doc}  ${key}: ${b.fn}(${args.join(', ')})${chain.join('')},`;
}
