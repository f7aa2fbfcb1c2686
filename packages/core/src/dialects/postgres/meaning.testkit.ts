/**
 * Test helper: does the SQL dbm compiles for a statement mean what the statement said? Compares the
 * PostgreSQL parser's trees of both, after removing differences that carry no meaning. The round trip
 * alone cannot see a clause the model drops (it is dropped the same way twice); this can.
 */
import { parseSync } from 'libpg-query';
import type { ParsedStatement } from './parse.js';
import { compilePostgres } from './compile.js';
import { POSITION_KEYS } from './ast.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };


/** Drops every key naming a position in the source, recursively; positions change when SQL is rewritten. */
export function withoutLocations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLocations);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!POSITION_KEYS.has(k)) out[k] = withoutLocations(v);
  return out;
}

/** The parser's tree of one statement. */
export function treeOf(sql: string): Json {
  const stmts = (parseSync(sql) as { stmts?: { stmt: Json }[] }).stmts ?? [];
  if (stmts.length !== 1) throw new Error(`expected one statement, got ${stmts.length}: ${sql}`);
  return stmts[0]!.stmt;
}

/**
 * The tree with meaning-free differences removed: positions; the order of a column's constraints;
 * an explicit NULL (nullable is the default); the query-fingerprint flag of SET; SET x TO DEFAULT vs
 * RESET x; START TRANSACTION vs BEGIN; the case of a setting's name (PostgreSQL looks settings up
 * case-insensitively); ONLY in a table rename (renaming a table renames it, never its children).
 */
export function canonical(node: Json, parentKey = ''): Json {
  if (Array.isArray(node)) return node.map((n) => canonical(n, parentKey));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(node)) if (!POSITION_KEYS.has(k)) out[k] = canonical(v, k);
  if (parentKey === 'ColumnDef' && Array.isArray(out.constraints)) {
    const kept = out.constraints.filter((c) => JSON.stringify(c).indexOf('"CONSTR_NULL"') === -1);
    out.constraints = kept.map((c) => JSON.stringify(c)).sort().map((s) => JSON.parse(s) as Json);
    if (!out.constraints.length) delete out.constraints;
  }
  if (parentKey === 'VariableSetStmt') {
    // only pg_stat_statements' query fingerprint reads it
    delete out.jumble_args;
    if (typeof out.name === 'string') out.name = out.name.toLowerCase();
    if (out.kind === 'VAR_SET_DEFAULT' && !out.is_local) out.kind = 'VAR_RESET';
  }
  if (parentKey === 'TransactionStmt' && out.kind === 'TRANS_STMT_START') out.kind = 'TRANS_STMT_BEGIN';
  if (parentKey === 'RenameStmt' && out.renameType === 'OBJECT_TABLE' && out.relation) {
    const rel = { ...(out.relation as Record<string, Json>) };
    delete rel.inh;
    out.relation = rel;
  }
  return out;
}

/**
 * Joins the trees of the statements compiled from one source statement back into one tree: an ALTER
 * TABLE split into one statement per subcommand, a DROP split into one statement per object.
 */
function merge(trees: Json[]): Json {
  if (trees.length === 1) return trees[0]!;
  const bodies = trees.map((t) => Object.entries(t as Record<string, Json>)[0]!);
  const [type, first] = bodies[0]!;
  const listKey = type === 'AlterTableStmt' ? 'cmds' : type === 'DropStmt' ? 'objects' : undefined;
  if (!listKey || bodies.some(([t]) => t !== type)) return trees;
  const items = bodies.flatMap(([, b]) => (b as Record<string, Json[]>)[listKey] ?? []);
  return { [type]: { ...(first as Record<string, Json>), [listKey]: items } };
}

/** The canonical trees of a statement as written and as dbm compiles its operations. */
export function meaningOf(statement: ParsedStatement): { written: Json; compiled: Json } {
  const written = canonical(treeOf(statement.sql));
  const compiled = canonical(merge(statement.ops.map((op) => treeOf(compilePostgres(op)))));
  return { written, compiled };
}

/** Where two JSON values first differ, as a path and the two values there; undefined when they are equal. */
export function firstDifference(a: Json, b: Json, path = ''): { path: string; written: Json; compiled: Json } | undefined {
  if (JSON.stringify(a) === JSON.stringify(b)) return undefined;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = firstDifference((a as Record<string, Json>)[k] ?? null, (b as Record<string, Json>)[k] ?? null, `${path}.${k}`);
      if (d) return d;
    }
  }
  return { path, written: a, compiled: b };
}
