/**
 * The DROP that undoes an extra of the model (for a migration's `down`), from its kind and name as
 * introspection records them (`schema.name`, `schema.fn(args)`). Objects that go with their table
 * (triggers, rules, policies, comments, constraints, indexes) need none; an extra whose name cannot be
 * turned into SQL safely gets none either, and the caller says so.
 */
import { ident, qname, type ExtraModel } from '@dbm/core';

const SIMPLE = /^[a-z_][a-z0-9_$]*$/;
const WITH_TABLE = new Set(['trigger', 'rule', 'policy', 'comment', 'constraint', 'index', 'table option', 'sequence owned by', 'exclusion']);
const BY_NAME: Readonly<Record<string, string>> = {
  view: 'VIEW',
  'materialized view': 'MATERIALIZED VIEW',
  type: 'TYPE',
  domain: 'DOMAIN',
  range: 'TYPE',
  sequence: 'SEQUENCE',
};

/** `schema.name` split at its first dot. */
function qualified(name: string): { schema: string; name: string } | undefined {
  const dot = name.indexOf('.');
  return dot > 0 ? { schema: name.slice(0, dot), name: name.slice(dot + 1) } : undefined;
}

/** What undoing `x` takes: 'with-table', the DROP statement, or undefined when dbm cannot write it. */
export function extraDrop(x: ExtraModel): 'with-table' | string | undefined {
  if (WITH_TABLE.has(x.kind)) return 'with-table';
  if (x.kind === 'extension') return `DROP EXTENSION IF EXISTS ${ident(x.name)}`;
  const keyword = BY_NAME[x.kind];
  const q = qualified(x.name);
  if (keyword && q) return `DROP ${keyword} IF EXISTS ${qname(q)}`;
  if ((x.kind === 'function' || x.kind === 'procedure') && q) {
    // the name carries the identity arguments, as pg_get_function_identity_arguments prints them
    const open = q.name.indexOf('(');
    const fn = open > 0 ? q.name.slice(0, open) : '';
    if (SIMPLE.test(q.schema) && SIMPLE.test(fn)) return `DROP ${x.kind.toUpperCase()} IF EXISTS ${qname({ schema: q.schema, name: fn })}${q.name.slice(open)}`;
  }
  return undefined;
}

/** Whether the extra must be dropped before the tables (it depends on them). */
export const dropsBeforeTables = (x: ExtraModel): boolean => x.kind === 'view' || x.kind === 'materialized view';
