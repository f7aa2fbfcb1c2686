/**
 * What the planner needs to know about an SQL expression: the columns it uses (for check names) and
 * whether a column default is volatile (for the backfill pattern). Parsed with the real PostgreSQL
 * parser; {@link loadPostgresParser} must have been awaited, as for parsing the file itself.
 */
import { parseSync } from '../dialects/postgres/wasm.js';

type Node = Record<string, unknown>;

/** Every node of a parser tree, depth first, as [type, body] pairs. */
function* walk(node: unknown): Generator<[string, Node]> {
  if (Array.isArray(node)) {
    for (const n of node) yield* walk(n);
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node as Node)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && /^[A-Z]/.test(key)) yield [key, value as Node];
    yield* walk(value);
  }
}

function parseExpression(expr: string): unknown {
  const tree = parseSync(`SELECT ${expr}`) as { stmts?: { stmt?: unknown }[] };
  return tree.stmts?.[0]?.stmt;
}

const stringsOf = (list: unknown): string[] =>
  Array.isArray(list)
    ? list.flatMap((n) => {
        const s = (n as { String?: { sval?: string } }).String;
        return s ? [String(s.sval ?? '')] : [];
      })
    : [];

/** The distinct column names an expression refers to, in order of first use. */
export function referencedColumns(expr: string): string[] {
  const out = new Set<string>();
  for (const [type, body] of walk(parseExpression(expr))) {
    if (type !== 'ColumnRef') continue;
    const fields = body.fields;
    const last = Array.isArray(fields) ? fields[fields.length - 1] : undefined;
    const name = stringsOf(last === undefined ? [] : [last])[0];
    if (name !== undefined) out.add(name);
  }
  return [...out];
}

/**
 * Functions whose value is fixed for the statement, so a default using them is computed once and
 * stored without a rewrite (PostgreSQL 11+): the current time and date, the current user.
 */
const STABLE_FUNCTIONS = new Set([
  'now',
  'transaction_timestamp',
  'statement_timestamp',
  'current_timestamp',
  'current_date',
  'current_time',
  'localtimestamp',
  'localtime',
  'current_user',
  'current_role',
  'session_user',
  'current_schema',
  'current_catalog',
]);

/**
 * Whether a column default is volatile in the sense of rule DBM107 (adding-field-with-default): it
 * calls a function other than the stable clock and session ones (`now()`, `CURRENT_TIMESTAMP`,
 * `CURRENT_DATE`, ...). Such a default makes ADD COLUMN rewrite the whole table.
 */
export function isVolatileDefault(expr: string): boolean {
  for (const [type, body] of walk(parseExpression(expr))) {
    if (type !== 'FuncCall') continue;
    const name = stringsOf(body.funcname).pop()?.toLowerCase();
    if (name === undefined || !STABLE_FUNCTIONS.has(name)) return true;
  }
  return false;
}
