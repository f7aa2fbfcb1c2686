/**
 * Whitespace and comments between statements: where a statement really starts, and the
 * `-- dbm-ignore <rule>` directives written above it.
 */

/** Skips whitespace, `--` comments and (nested) block comments from `from`; returns the next offset. */
export function skipTrivia(text: string, from: number, to = text.length): number {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) i++;
    else if (c === 45 && text.charCodeAt(i + 1) === 45) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? to : nl + 1;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) i = skipBlockComment(text, i);
    else break;
  }
  return Math.min(i, to);
}

function skipBlockComment(text: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    if (text.startsWith('/*', i)) {
      depth++;
      i += 2;
    } else if (text.startsWith('*/', i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  return text.length;
}

const DIRECTIVE = /--\s*(dbm|squawk)-ignore(-file)?\b([^\n]*)/g;

/** Ignore directives found in a stretch of comments. */
export interface Directives {
  /** Rule ids (dbm ids or squawk ids) ignored for the statement that follows. */
  readonly statement: string[];
  /** Rule ids ignored for the whole file; `*` when the directive names none. */
  readonly file: string[];
}

/** Reads `-- dbm-ignore a, b` / `-- squawk-ignore a` / `-- dbm-ignore-file` directives in `trivia`. */
export function readDirectives(trivia: string): Directives {
  const out: Directives = { statement: [], file: [] };
  if (!trivia.includes('ignore')) return out;
  for (const m of trivia.matchAll(DIRECTIVE)) {
    const ids = (m[3] ?? '')
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const list = m[2] ? out.file : out.statement;
    list.push(...(ids.length ? ids : ['*']));
  }
  return out;
}
