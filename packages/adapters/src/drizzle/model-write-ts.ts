/**
 * TypeScript source pieces for the drizzle writer: identifiers from database names, string literals,
 * `sql` template literals. Every name handed out is unique in its scope, so the written module always
 * compiles whatever the database calls its objects.
 */

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in ' +
    'instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface ' +
    'package private protected public await arguments eval undefined NaN Infinity'
  ).split(' '),
);

/** `email_address` → `emailAddress`, `User ID` → `userId`; a leading digit gets an underscore. */
export function camelCase(name: string): string {
  const parts = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  if (!parts.length) return '_';
  const [first, ...rest] = parts;
  const head = first === first!.toUpperCase() ? first!.toLowerCase() : first![0]!.toLowerCase() + first!.slice(1);
  const out = head + rest.map((p) => p[0]!.toUpperCase() + p.slice(1)).join('');
  return /^[0-9]/.test(out) ? `_${out}` : out;
}

/** Hands out identifiers unique within one scope (the module's top level, or one table's columns). */
export class NameScope {
  private readonly taken: Set<string>;

  constructor(reserved: Iterable<string> = [], private readonly avoidKeywords = true) {
    this.taken = new Set(reserved);
  }

  /** `wanted`, or `wanted2`, `wanted3`… when taken (or a keyword, at the top level). */
  claim(wanted: string): string {
    let name = wanted;
    for (let i = 2; this.taken.has(name) || (this.avoidKeywords && RESERVED.has(name)); i++) name = `${wanted}${i}`;
    this.taken.add(name);
    return name;
  }
}

/** A TypeScript string literal: single-quoted, or double-quoted when that avoids escaping a quote. */
export function tsString(value: string): string {
  const q = value.includes("'") && !value.includes('"') ? '"' : "'";
  const body = value.replace(/\\/g, '\\\\').replace(q === "'" ? /'/g : /"/g, `\\${q}`).replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `${q}${body}${q}`;
}

/** drizzle's `sql` template holding `text` verbatim (backslashes, backticks and `${` escaped). */
export function sqlTemplate(text: string): string {
  return `sql\`${text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\``;
}

/** A JSDoc comment from free text (a database comment), safe inside the written module. */
export function docComment(text: string, indent: string): string {
  const lines = text.replace(/\*\//g, '*\\/').split(/\r?\n/);
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} * ${l}`.trimEnd()).join('\n')}\n${indent} */\n`;
}

/** An object literal `{ a: 1, b: 'x' }` from entries already written as source; `undefined` values left out. */
export function tsObject(entries: Record<string, string | undefined>): string {
  const parts = Object.entries(entries).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v}`);
  return parts.length ? `{ ${parts.join(', ')} }` : '{}';
}
