/**
 * Small accessors over the PostgreSQL parser's JSON tree, where every node is `{ NodeType: body }`.
 * Kept loose (`any`-free but untyped bodies) because the tree is the parser's, not ours.
 */
import { deparseSync, parseSync } from './wasm.js';
import type { QualifiedName } from '../../operations/common.js';

/** A parser node body: an object with string keys. */
export type Body = Record<string, unknown>;

/** Thrown while converting a statement that uses something the model does not describe. */
export class Unmodelled extends Error {}

/** The single key and body of a node. */
export function unwrap(node: unknown): [string, Body] {
  if (!node || typeof node !== 'object') throw new Unmodelled('empty node');
  const key = Object.keys(node)[0];
  if (key === undefined) throw new Unmodelled('empty node');
  return [key, (node as Record<string, Body>)[key]!];
}

/** The body of a node of the expected type, or undefined. */
export function as(node: unknown, type: string): Body | undefined {
  if (!node || typeof node !== 'object') return undefined;
  return (node as Record<string, Body>)[type];
}

/**
 * The body of a field typed as one node struct. The parser's JSON writes such fields (RangeVar
 * `relation`, TypeName `typeName`, CollateClause `collClause`, PartitionSpec `partspec`) without the
 * `{ NodeType: ... }` wrapper that generic Node fields have; this accepts both forms.
 */
export function field(node: unknown, type: string): Body | undefined {
  if (!node || typeof node !== 'object') return undefined;
  return as(node, type) ?? (node as Body);
}

/** A list field of a body (absent lists are empty). */
export function list(body: Body, key: string): unknown[] {
  const v = body[key];
  return Array.isArray(v) ? v : [];
}

/** The text of a `String` node (identifiers in name lists). */
export function str(node: unknown): string {
  const s = as(node, 'String');
  if (!s) throw new Unmodelled('expected a name');
  return String(s.sval ?? '');
}

/** Strings of a `[String, String]` name list. */
export function names(nodes: unknown[]): string[] {
  return nodes.map(str);
}

/** A qualified name from a RangeVar body. */
export function rangeVar(rv: unknown): QualifiedName {
  const b = (as(rv, 'RangeVar') ?? rv) as Body | undefined;
  if (!b || typeof b.relname !== 'string') throw new Unmodelled('expected a table name');
  if (b.catalogname) throw new Unmodelled('database-qualified name');
  return b.schemaname ? { schema: String(b.schemaname), name: b.relname } : { name: b.relname };
}

/** A qualified name from a name list (`[schema, name]` or `[name]`). */
export function qualified(nodes: unknown[]): QualifiedName {
  const parts = names(nodes);
  if (parts.length === 1) return { name: parts[0]! };
  if (parts.length === 2) return { schema: parts[0]!, name: parts[1]! };
  throw new Unmodelled('three-part name');
}

/** Deparses a node on one line; a node the deparser cannot write leaves its statement raw. */
export function deparse(node: unknown): string {
  try {
    // not pretty: that breaks long expressions over lines, which rule messages would show verbatim
    return deparseSync(node as never, { pretty: false });
  } catch (e) {
    throw new Unmodelled(`deparse: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Keys recording where something sits in the source; they differ between any two texts. */
export const POSITION_KEYS: ReadonlySet<string> = new Set([
  'location',
  'stmt_location',
  'stmt_len',
  'name_location',
  'list_start',
  'list_end',
  'rexpr_list_start',
  'rexpr_list_end',
]);

/** A tree as JSON without position keys, for comparing two trees. */
function shape(tree: unknown): string {
  return JSON.stringify(tree, (k, v: unknown) => (POSITION_KEYS.has(k) ? undefined : v));
}

/**
 * Proves deparsed text means what the tree said: `probe` (SQL holding the text) is parsed again and
 * `pick` takes the part of its tree that must equal `expected`. The deparser is heuristic and has slips
 * (it drops the array bounds of `"char"[]`, for one); a slip makes the statement raw, never altered.
 */
export function verified(text: string, probe: string, pick: (stmt: Body) => unknown, expected: unknown): string {
  let stmt: Body | undefined;
  try {
    stmt = (parseSync(probe) as { stmts?: { stmt: Body }[] }).stmts?.[0]?.stmt;
  } catch {
    throw new Unmodelled(`deparsed text does not parse: ${text}`);
  }
  let again: unknown;
  try {
    again = stmt && pick(stmt);
  } catch {
    again = undefined;
  }
  if (again === undefined || shape(again) !== shape(expected)) throw new Unmodelled(`deparsed text changes meaning: ${text}`);
  return text;
}

/** The expression of a `SELECT <expr>` statement's first target. */
export function selectTarget(stmt: Body): unknown {
  return as(list(as(stmt, 'SelectStmt') ?? {}, 'targetList')[0], 'ResTarget')?.val;
}

/**
 * Proven texts by the shape of the node they came from. Migrations repeat the same types and defaults
 * thousands of times; deparsing and re-parsing each once keeps a 20,000-statement file fast.
 */
const proven = new Map<string, string>();
const PROVEN_LIMIT = 50_000;

/** Deparses and proves `node` once per distinct shape; `kind` separates the ways of probing. */
export function memoProven(kind: string, node: unknown, prove: () => string): string {
  const key = `${kind}\u0000${shape(node)}`;
  const hit = proven.get(key);
  if (hit !== undefined) return hit;
  const text = prove();
  if (proven.size >= PROVEN_LIMIT) proven.clear();
  proven.set(key, text);
  return text;
}

/** SQL text of an expression node, on one line, proven to parse back to the same expression. */
export function sql(node: unknown): string {
  return memoProven('expr', node, () => {
    const text = deparse(node);
    return verified(text, `SELECT ${text}`, selectTarget, node);
  });
}

/** SQL text of a whole statement node, proven to parse back to the same statement. */
export function statementText(stmt: unknown): string {
  const text = deparse(stmt);
  return verified(text, text, (s) => s, stmt);
}
