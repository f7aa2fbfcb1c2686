/**
 * Reads what the schema model does not describe — extensions, domains, composite and range types,
 * free-standing sequences, functions, views, rules, triggers, policies — as SQL that re-creates it.
 */
import { ident, literal, qname } from '../dialects/postgres/quote.js';
import { EXTENSIONS, FUNCTIONS, POLICIES, RULES, SEQUENCES, TRIGGERS, TYPES, VIEWS } from './extras-queries.js';
import type { ExtraModel } from './model.js';
import type { Queryable } from './queryable.js';
import { SchemaIntrospectionError } from './introspect-error.js';

type Row = Record<string, unknown>;

/** What the table reader already decided, so extras neither duplicate nor resurrect it. */
export interface ExtrasContext {
  readonly schemas: readonly string[];
  /** Oids of the tables left out (ORM ledgers): their triggers, rules and sequences are theirs. */
  readonly excludedOids: ReadonlySet<string>;
  /** Oids of sequences the model already carries as a column's sequence default. */
  readonly modelledSequences: ReadonlySet<string>;
}

const arr = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? (JSON.parse(v) as string[]) : []);
const name = (r: Row) => ({ schema: String(r.schema), name: String(r.name) });
const dotted = (r: Row) => `${String(r.schema)}.${String(r.name)}`;
const comment = (what: string, target: string, text: unknown) => (text ? `;\nCOMMENT ON ${what} ${target} IS ${literal(String(text))}` : '');

/** PostgreSQL's text[] of reloptions as `a=b, …` text (empty when there are none). */
export function optionList(options: unknown): string {
  return arr(options).join(', ');
}

/** Reloptions as a ` WITH (…)` clause, or nothing. */
function withOptions(options: unknown): string {
  return optionList(options) ? ` WITH (${optionList(options)})` : '';
}

function typeSql(r: Row): ExtraModel {
  const q = qname(name(r));
  const kind = r.kind === 'd' ? 'domain' : r.kind === 'r' ? 'range' : 'type';
  let sql: string;
  if (r.kind === 'd') {
    sql = [
      `CREATE DOMAIN ${q} AS ${String(r.base)}`,
      r.collation ? ` COLLATE ${String(r.collation)}` : '',
      r.default ? ` DEFAULT ${String(r.default)}` : '',
      r.notnull ? ' NOT NULL' : '',
      ...arr(r.checks).map((c) => ` ${c}`),
    ].join('');
  } else if (r.kind === 'r') {
    sql = `CREATE TYPE ${q} AS RANGE (SUBTYPE = ${String(r.range_subtype)}${r.range_diff ? `, SUBTYPE_DIFF = ${String(r.range_diff)}` : ''})`;
  } else {
    sql = `CREATE TYPE ${q} AS (${arr(r.attributes).join(', ')})`;
  }
  return { kind, schema: String(r.schema), name: dotted(r), sql: sql + comment(kind === 'domain' ? 'DOMAIN' : 'TYPE', q, r.comment) };
}

function sequenceSql(r: Row): string {
  return (
    `CREATE SEQUENCE ${qname(name(r))} AS ${String(r.type)} INCREMENT BY ${String(r.increment)}` +
    ` MINVALUE ${String(r.min)} MAXVALUE ${String(r.max)} START WITH ${String(r.start)} CACHE ${String(r.cache)}` +
    `${r.cycle ? ' CYCLE' : ' NO CYCLE'}${comment('SEQUENCE', qname(name(r)), r.comment)}`
  );
}

/** Reads the extras of the schemas in `ctx`, in script order. */
export async function introspectExtras(db: Queryable, ctx: ExtrasContext): Promise<ExtraModel[]> {
  const q = async (text: string) => (await db.query<Row>(text, [[...ctx.schemas]])).rows;
  const before: ExtraModel[] = [];
  const after: ExtraModel[] = [];
  for (const r of await q(EXTENSIONS)) {
    before.push({ kind: 'extension', schema: String(r.schema), name: String(r.name), sql: `CREATE EXTENSION IF NOT EXISTS ${ident(String(r.name))} WITH SCHEMA ${ident(String(r.schema))}` });
  }
  for (const r of await q(TYPES)) before.push(typeSql(r));
  for (const r of await q(SEQUENCES)) {
    if (ctx.modelledSequences.has(String(r.oid)) || (r.owner_oid && ctx.excludedOids.has(String(r.owner_oid)))) continue;
    before.push({ kind: 'sequence', schema: String(r.schema), name: dotted(r), sql: sequenceSql(r) });
    if (r.owner_oid) {
      const owner = `${String(r.owner_table)}.${ident(String(r.owner_column))}`;
      after.push({ kind: 'sequence owned by', schema: String(r.schema), name: dotted(r), sql: `ALTER SEQUENCE ${qname(name(r))} OWNED BY ${owner}` });
    }
  }
  const aggregates = (await q(FUNCTIONS)).filter((r) => {
    if (r.kind === 'a') return true;
    const kind = r.kind === 'p' ? 'procedure' : 'function';
    const def = String(r.def).trim();
    before.push({ kind, schema: String(r.schema), name: dotted(r), sql: def + comment(kind.toUpperCase(), String(r.signature), r.comment) });
    return false;
  });
  if (aggregates.length) throw new SchemaIntrospectionError(`aggregate functions are not supported yet: ${aggregates.map(dotted).join(', ')}`);
  for (const r of await q(VIEWS)) {
    const kind = r.kind === 'm' ? 'materialized view' : 'view';
    const def = String(r.def).trim().replace(/;$/, '');
    const target = qname(name(r));
    after.push({ kind, schema: String(r.schema), name: dotted(r), sql: `CREATE ${kind.toUpperCase()} ${target}${withOptions(r.options)} AS ${def}${comment(kind.toUpperCase(), target, r.comment)}` });
  }
  const onTable = (r: Row) => !ctx.excludedOids.has(String(r.rel));
  for (const r of (await q(RULES)).filter(onTable)) after.push({ kind: 'rule', schema: String(r.schema), name: `${String(r.name)} on ${String(r.table)}`, sql: String(r.def).replace(/;$/, '') });
  for (const r of (await q(TRIGGERS)).filter(onTable)) {
    const disabled = r.enabled === 'D' ? `;\nALTER TABLE ${String(r.quoted)} DISABLE TRIGGER ${ident(String(r.name))}` : '';
    after.push({ kind: 'trigger', schema: String(r.schema), name: `${String(r.name)} on ${String(r.table)}`, sql: String(r.def) + disabled });
  }
  for (const r of (await q(POLICIES)).filter(onTable)) after.push({ kind: 'policy', schema: String(r.schema), name: `${String(r.name)} on ${String(r.table)}`, sql: String(r.def) });
  return [...before, ...after];
}
