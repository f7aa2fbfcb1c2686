/** JavaScript source literals for the knex migrations dbm writes. */

/** A JavaScript string literal: single-quoted, or double-quoted when that saves escaping quotes in SQL. */
export function jsString(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  const body = value
    .replace(/\\/g, '\\\\')
    .replace(new RegExp(quote, 'g'), `\\${quote}`)
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `${quote}${body}${quote}`;
}

/** A JavaScript template literal holding `value` verbatim (for multi-line SQL). */
export function jsTemplate(value: string): string {
  return `\`${value.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\``;
}

/** A string list as a JavaScript array literal. */
export function jsList(values: readonly string[]): string {
  return `[${values.map(jsString).join(', ')}]`;
}

/** A plain object literal with string, number or boolean values: `{ key: 'value' }`. */
export function jsObject(entries: Readonly<Record<string, string | number | boolean | undefined>>): string {
  const parts = Object.entries(entries)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? jsString(v) : String(v)}`);
  return `{ ${parts.join(', ')} }`;
}

/**
 * SQL text for `knex.raw` without bindings. knex's PostgreSQL client turns every `?` into a positional
 * parameter ($1, $2 …), even inside quotes, unless it is escaped as `\?`; a backslash already before a `?`
 * cannot survive that rewrite.
 */
export function rawSql(sql: string): string {
  if (/\\\?/.test(sql)) {
    throw new Error(`knex cannot run SQL with a backslash before a question mark (it rewrites "?" into a parameter): ${sql}`);
  }
  return sql.replace(/\?/g, '\\?');
}

/** `await knex.raw(…)` for one SQL statement. */
export function rawCall(sql: string, knexName = 'knex'): string {
  const text = rawSql(sql);
  return `await ${knexName}.raw(${text.includes('\n') ? jsTemplate(text) : jsString(text)});`;
}
