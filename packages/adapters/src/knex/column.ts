/**
 * A column definition as a knex column builder chain: `t.string('email', 255).notNullable()`. Returns
 * undefined for what the builder cannot say exactly (a collation, a NOT VALID reference …): the caller
 * then writes the whole statement with knex.raw rather than something close to it.
 */
import type { ColumnDef, ColumnType, InlineConstraint, QualifiedName } from '@dbm/core';
import { defaultArg } from './default.js';
import { jsList, jsObject, jsString } from './js.js';
import { constraintName, plain, referenceChain } from './names.js';

/** A column's builder chain, and table-level lines its inline constraints need (checks). */
export interface ColumnCode {
  readonly chain: string;
  readonly extra: readonly string[];
}

const SIMPLE_TYPES: Readonly<Record<string, string>> = {
  int4: 'integer',
  int8: 'bigInteger',
  int2: 'smallint',
  text: 'text',
  bool: 'boolean',
  uuid: 'uuid',
  jsonb: 'jsonb',
  json: 'json',
  bytea: 'binary',
  date: 'date',
  float8: 'double',
  float4: 'float',
};

const SERIALS: Readonly<Record<string, string>> = { serial: 'increments', serial4: 'increments', bigserial: 'bigIncrements', serial8: 'bigIncrements' };

const n = (name: string) => jsString(name);
const specific = (name: string, sql: string) => `t.specificType(${n(name)}, ${jsString(sql)})`;

/** The builder call that creates a column of type `t` (without modifiers). */
function typeCall(name: string, t: ColumnType): string {
  const builtin = !t.schema || t.schema === 'pg_catalog';
  if (!builtin || t.arrayDims > 0) return specific(name, t.sql);
  const m = t.modifiers;
  const simple = SIMPLE_TYPES[t.name];
  if (simple && m.length === 0) return `t.${simple}(${n(name)})`;
  switch (t.name) {
    case 'varchar':
      // t.string() without a length means varchar(255) in knex
      return m.length === 1 ? `t.string(${n(name)}, ${Number(m[0])})` : specific(name, t.sql);
    case 'numeric':
      // t.decimal() without arguments means decimal(8, 2) in knex; null means no precision
      if (m.length === 0) return `t.decimal(${n(name)}, null)`;
      return `t.decimal(${n(name)}, ${Number(m[0])}, ${Number(m[1] ?? 0)})`;
    case 'timestamptz':
    case 'timestamp': {
      const useTz = t.name === 'timestamptz';
      if (m.length > 1) return specific(name, t.sql);
      return `t.timestamp(${n(name)}, ${m.length ? `{ useTz: ${useTz}, precision: ${Number(m[0])} }` : `{ useTz: ${useTz} }`})`;
    }
    default:
      return specific(name, t.sql);
  }
}

/** The chain for one inline constraint, or undefined when the builder cannot write it. */
function inlineCall(table: QualifiedName, c: ColumnDef, k: InlineConstraint, extra: string[], altering: boolean): string | undefined {
  // on an existing table the server picks a free name for an unnamed constraint; dbm cannot know which
  if (altering && k.name === undefined) return undefined;
  switch (k.type) {
    case 'primaryKey':
      return k.name ? `.primary(${jsObject({ constraintName: k.name })})` : '.primary()';
    case 'unique':
      if (k.nullsNotDistinct) return undefined;
      // knex's own default name (<table>_<column>_unique) is not PostgreSQL's: name it as the server would
      return `.unique(${jsObject({ indexName: constraintName(table, [c.name], 'key', k.name) })})`;
    case 'check':
      if (k.notValid || k.noInherit) return undefined;
      extra.push(checkCall(k.expr, k.name));
      return '';
    case 'references':
      if (k.notValid) return undefined;
      return referenceChain(k.target, constraintName(table, [c.name], 'fkey', k.name));
  }
}

/** `t.check(…)`: knex writes the name verbatim, so it is passed quoted. */
export function checkCall(expr: string, name: string | undefined): string {
  return `t.check(${jsString(expr)}, []${name !== undefined ? `, ${jsString(`"${name.replace(/"/g, '""')}"`)}` : ''})`;
}

/**
 * A column as a builder chain; undefined when knex cannot write exactly this column. `altering`: the column
 * is added to a table (alterTable), where an unnamed constraint would get a name knex invents.
 */
export function columnCode(table: QualifiedName, c: ColumnDef, altering = false): ColumnCode | undefined {
  if (c.collation !== undefined || !plain(c.name)) return undefined;
  const extra: string[] = [];
  let constraints = c.constraints;
  let chain: string;
  const serial = SERIALS[c.type.name];
  const inlinePk = constraints.find((k) => k.type === 'primaryKey');
  if (serial && c.type.arrayDims === 0 && c.default === undefined && !c.identity) {
    // t.increments() is `serial primary key`; without the key it takes { primaryKey: false }
    if (inlinePk && (!inlinePk.name || inlinePk.name === constraintName(table, [], 'pkey'))) {
      chain = `t.${serial}(${n(c.name)})`;
      constraints = constraints.filter((k) => k !== inlinePk);
    } else chain = `t.${serial}(${n(c.name)}, { primaryKey: false })`;
  } else if (c.identity) {
    chain = specific(c.name, `${c.type.sql} GENERATED ${c.identity.toUpperCase()} AS IDENTITY${c.identityOptions ? ` (${c.identityOptions})` : ''}`);
  } else if (c.generated !== undefined) {
    chain = specific(c.name, `${c.type.sql} GENERATED ALWAYS AS (${c.generated}) STORED`);
  } else chain = typeCall(c.name, c.type);
  if (c.notNull) chain += '.notNullable()';
  if (c.default !== undefined) {
    const arg = defaultArg(c.default, c.type);
    if (arg === undefined) return undefined;
    chain += `.defaultTo(${arg})`;
  }
  for (const k of constraints) {
    const call = inlineCall(table, c, k, extra, altering);
    if (call === undefined) return undefined;
    chain += call;
  }
  return { chain, extra };
}

/** `['a', 'b']` for a column list, as knex's index and key methods take it. */
export function columnsArg(columns: readonly string[]): string {
  return jsList(columns);
}
