/**
 * Finding identifiers longer than PostgreSQL's limit in SQL text. The parser's tree cannot tell: the
 * parser itself truncates every identifier to 63 bytes (NAMEDATALEN - 1), exactly as the server
 * does, so the full names are only in the source. The text is read with the real scanner (so
 * strings, comments and dollar quotes are never taken for names); a cheap pre-check skips the
 * scanner for statements with no run of characters long enough to be such a name.
 */
import { scanSync } from '../../dialects/postgres/wasm.js';

/** PostgreSQL's identifier limit in bytes (NAMEDATALEN - 1). */
export const MAX_IDENTIFIER_BYTES = 63;

/** A name longer than the limit, as PostgreSQL reads it, and what it is truncated to. */
export interface LongIdentifier {
  readonly name: string;
  readonly bytes: number;
  readonly truncated: string;
}

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

// runs of characters that could belong to one identifier: a quoted name, or a run without separators
const CANDIDATES = /"(?:[^"]|"")*"|[^\s"'`(),;.:=<>+\-*/[\]{}|&!?%^~@#\\]+/g;

/** Whether the text has any run of characters long enough to be an over-long identifier. */
function mayHaveLongIdentifier(sql: string): boolean {
  if (bytes(sql) <= MAX_IDENTIFIER_BYTES) return false;
  for (const m of sql.matchAll(CANDIDATES)) if (bytes(m[0]) > MAX_IDENTIFIER_BYTES) return true;
  return false;
}

/** The name a scanned identifier token stands for: quotes removed, or ASCII letters lower-cased. */
function identifierName(text: string): string | undefined {
  if (text.startsWith('"')) return text.slice(1, -1).replace(/""/g, '"');
  if (/^u&"/i.test(text)) return unicodeEscapes(text.slice(3, -1).replace(/""/g, '"'));
  if (/^["'$]/.test(text)) return undefined;
  return text.replace(/[A-Z]+/g, (c) => c.toLowerCase());
}

/** Decodes the `\XXXX` and `\+XXXXXX` escapes of a U&"..." identifier (default escape character). */
function unicodeEscapes(body: string): string {
  return body.replace(/\\(\\|[0-9a-fA-F]{4}|\+[0-9a-fA-F]{6})/g, (_, e: string) =>
    e === '\\' ? '\\' : String.fromCodePoint(parseInt(e.replace('+', ''), 16)),
  );
}

/** The longest prefix of `name` within `limit` bytes that does not split a character. */
export function truncateToBytes(name: string, limit = MAX_IDENTIFIER_BYTES): string {
  let out = '';
  for (const ch of name) {
    if (bytes(out + ch) > limit) break;
    out += ch;
  }
  return out;
}

/** The distinct identifiers of one statement that are longer than 63 bytes, in order. */
export function longIdentifiers(sql: string): LongIdentifier[] {
  if (!mayHaveLongIdentifier(sql)) return [];
  let tokens: { text?: string; tokenName?: string }[];
  try {
    tokens = scanSync(sql).tokens as typeof tokens;
  } catch {
    return [];
  }
  const seen = new Set<string>();
  const out: LongIdentifier[] = [];
  for (const t of tokens) {
    const text = t.text ?? '';
    // IDENT covers plain and quoted names; U&"..." names come as their own token
    if (t.tokenName !== 'IDENT' && !/^u&"/i.test(text)) continue;
    const name = identifierName(text);
    if (name === undefined || seen.has(name) || bytes(name) <= MAX_IDENTIFIER_BYTES) continue;
    seen.add(name);
    out.push({ name, bytes: bytes(name), truncated: truncateToBytes(name) });
  }
  return out;
}
