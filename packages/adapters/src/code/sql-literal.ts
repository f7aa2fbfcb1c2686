/** Writes bound values into SQL text, for showing what a code migration would run (never for running it). */

/** A PostgreSQL literal for a value a driver would bind. */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return quote(value.toISOString());
  if (Buffer.isBuffer(value)) return `'\\x${value.toString('hex')}'::bytea`;
  if (typeof value === 'string') return quote(value);
  return quote(JSON.stringify(value));
}

// standard_conforming_strings is on by default since PostgreSQL 9.1: only quotes need doubling,
// but E'' keeps a backslash meaning itself even where it is off
function quote(text: string): string {
  const body = text.replace(/'/g, "''");
  return text.includes('\\') ? `E'${body.replace(/\\/g, '\\\\')}'` : `'${body}'`;
}

/** Replaces the positional parameters $1..$n (outside quotes) with literals of `params`. */
export function inlineParams(sql: string, params: readonly unknown[]): string {
  if (params.length === 0) return sql;
  let out = '';
  let quoteChar: string | undefined;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i]!;
    if (quoteChar) {
      if (ch === quoteChar) quoteChar = undefined;
      out += ch;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quoteChar = ch;
      out += ch;
      continue;
    }
    const m = ch === '$' ? /^\$(\d+)/.exec(sql.slice(i)) : null;
    if (m && Number(m[1]) >= 1 && Number(m[1]) <= params.length) {
      out += sqlLiteral(params[Number(m[1]) - 1]);
      i += m[0].length - 1;
      continue;
    }
    out += ch;
  }
  return out;
}
