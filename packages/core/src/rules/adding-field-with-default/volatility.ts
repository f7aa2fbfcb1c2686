/** Whether a default expression is evaluated once (constant, stable) or per row (volatile). */
import { parseSync } from '../../dialects/postgres/wasm.js';
import { as, list, str } from '../../dialects/postgres/ast.js';

/**
 * Built-in functions that are not volatile (immutable or stable), so a default using them is computed
 * once when the column is added. Anything else is treated as volatile: adding the column rewrites.
 */
const NOT_VOLATILE = new Set([
  // time: stable within a transaction
  'now', 'transaction_timestamp', 'statement_timestamp', 'current_date', 'current_time', 'current_timestamp',
  'localtime', 'localtimestamp', 'current_setting', 'current_user', 'current_schema', 'current_database',
  'date_trunc', 'date_part', 'extract', 'make_date', 'make_time', 'make_timestamp', 'make_timestamptz',
  'make_interval', 'to_timestamp', 'to_date', 'to_char', 'to_number', 'timezone', 'age',
  // text and numbers
  'lower', 'upper', 'initcap', 'btrim', 'ltrim', 'rtrim', 'trim', 'concat', 'concat_ws', 'length',
  'char_length', 'substr', 'substring', 'replace', 'repeat', 'lpad', 'rpad', 'left', 'right', 'format',
  'md5', 'encode', 'decode', 'abs', 'round', 'trunc', 'floor', 'ceil', 'ceiling', 'power', 'sqrt', 'mod',
  // structured values
  'jsonb_build_object', 'json_build_object', 'jsonb_build_array', 'json_build_array', 'to_jsonb', 'to_json',
  'array_fill', 'array_length', 'int4range', 'int8range', 'numrange', 'tstzrange', 'daterange', 'uuid_nil',
]);

/** What makes a default volatile: the first volatile function it calls, or undefined. */
export function volatileCall(expr: string): string | undefined {
  return findVolatile(parseExpr(expr));
}

/** Whether a default is just NULL (possibly cast): no value to store, nothing to rewrite. */
export function isNullDefault(expr: string): boolean {
  let node = parseExpr(expr);
  for (let cast = as(node, 'TypeCast'); cast; cast = as(node, 'TypeCast')) node = cast.arg;
  return as(node, 'A_Const')?.isnull === true;
}

function parseExpr(expr: string): unknown {
  const tree = parseSync(`SELECT ${expr}`) as { stmts?: { stmt: unknown }[] };
  const select = as(tree.stmts?.[0]?.stmt, 'SelectStmt') ?? {};
  return as(list(select, 'targetList')[0], 'ResTarget')?.val;
}

function findVolatile(node: unknown): string | undefined {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findVolatile(item);
      if (found) return found;
    }
    return undefined;
  }
  if (!node || typeof node !== 'object') return undefined;
  const call = as(node, 'FuncCall');
  if (call) {
    const parts = list(call, 'funcname').map(str);
    const name = parts[parts.length - 1]!.toLowerCase();
    const schema = parts.length > 1 ? parts[0] : 'pg_catalog';
    if (schema !== 'pg_catalog' || !NOT_VOLATILE.has(name)) return `${parts.join('.')}()`;
  }
  if (as(node, 'SubLink')) return 'a subquery';
  for (const value of Object.values(node)) {
    const found = findVolatile(value);
    if (found) return found;
  }
  return undefined;
}
