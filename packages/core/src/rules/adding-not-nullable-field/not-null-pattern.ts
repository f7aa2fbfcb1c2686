/** The safe way to make a column NOT NULL on a populated table, shared by the NOT NULL rules. */
import { addCheck } from '../../operations/add-check.js';
import type { QualifiedName } from '../../operations/common.js';
import { dropConstraint } from '../../operations/drop-constraint.js';
import { setNotNull } from '../../operations/set-not-null.js';
import { validateConstraint } from '../../operations/validate-constraint.js';
import { ident } from '../../dialects/postgres/quote.js';
import { sqlOf } from '../helpers.js';

/** PostgreSQL's identifier limit in bytes. */
const MAX_IDENT = 63;

/** A constraint name from parts, cut to PostgreSQL's identifier length. */
export function constraintName(...parts: string[]): string {
  let name = parts.join('_');
  while (Buffer.byteLength(name) > MAX_IDENT) name = name.slice(0, -1);
  return name;
}

/**
 * The CHECK (col IS NOT NULL) NOT VALID → VALIDATE → SET NOT NULL → DROP CONSTRAINT steps, numbered
 * from `first`. Before PostgreSQL 12 SET NOT NULL scans even with the check, so the check is kept instead.
 */
export function notNullSteps(table: QualifiedName, column: string, pgVersion: number, first = 1): string[] {
  const name = constraintName(table.name, column, 'not_null');
  const steps = [
    `${sqlOf(addCheck({ table, name, expr: `${ident(column)} IS NOT NULL`, notValid: true, noInherit: false }))}; -- instant: only new rows are checked`,
    `in a separate transaction: ${sqlOf(validateConstraint({ table, name }))}; -- SHARE UPDATE EXCLUSIVE: reads and writes go on`,
  ];
  if (pgVersion >= 12) {
    steps.push(
      `${sqlOf(setNotNull({ table, column }))}; -- no scan: the validated check proves it`,
      `${sqlOf(dropConstraint({ table, name, ifExists: false, cascade: false }))};`,
    );
  } else {
    steps.push('keep the validated check instead of SET NOT NULL: before PostgreSQL 12, SET NOT NULL scans the table even then');
  }
  return steps.map((s, i) => `${first + i}. ${s}`);
}

/** Whether a check expression (as the deparser writes it) proves `column IS NOT NULL`. */
export function provesNotNull(expr: string, column: string): boolean {
  const target = `${quoteIfNeeded(column)} IS NOT NULL`;
  // the deparser quotes keywords ("user"): compare with simple names unquoted on both sides
  return conjuncts(expr).some((c) => c.replace(/"([a-z_][a-z0-9_$]*)"/g, '$1') === target);
}

function quoteIfNeeded(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : ident(name);
}

/** Top-level AND parts of an expression, outer parentheses and extra spaces removed. */
function conjuncts(expr: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  const text = expr.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && /^ AND /i.test(text.slice(i, i + 5))) {
      parts.push(text.slice(start, i));
      start = i + 5;
      i += 4;
    }
  }
  parts.push(text.slice(start));
  return parts.map(stripParens);
}

function stripParens(s: string): string {
  let t = s.trim();
  while (t.startsWith('(') && t.endsWith(')') && balanced(t.slice(1, -1))) t = t.slice(1, -1).trim();
  return t;
}

function balanced(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}
