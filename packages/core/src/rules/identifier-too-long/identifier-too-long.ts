import { ident } from '../../dialects/postgres/quote.js';
import type { OpContext } from '../context.js';
import { defineRule, type Finding } from '../rule.js';
import { longIdentifiers, MAX_IDENTIFIER_BYTES } from './long-identifiers.js';

/**
 * PostgreSQL keeps at most 63 bytes of an identifier (UTF-8 bytes, not characters) and silently
 * truncates longer ones, in every statement. The object then exists under a different name than the
 * one written: two long names that share their first 63 bytes collide ("already exists", or the
 * second statement acting on the first object), and anything that compares the catalog with the full
 * name (ORM schema diffs, queries on pg_catalog or information_schema by name)
 * sees a mismatch. Exactly 63 bytes is fine. Reported once per name per statement.
 */
export const identifierTooLong = defineRule({
  id: 'identifier-too-long',
  code: 'DBM407',
  severity: 'error',
  summary: 'Keep identifiers within 63 bytes; PostgreSQL silently truncates longer ones.',
  aliases: { squawk: ['identifier-too-long'] },
  check(file) {
    const out: Finding[] = [];
    let previous: OpContext['statement'] | undefined;
    for (const at of file.ops) {
      // one scan per statement, reported at its first operation
      if (at.statement === previous) continue;
      previous = at.statement;
      for (const long of longIdentifiers(at.statement.sql)) {
        out.push({
          at,
          message:
            `Identifier ${ident(long.name)} is ${long.bytes} bytes; PostgreSQL silently truncates it to ${MAX_IDENTIFIER_BYTES} bytes ` +
            `(${ident(long.truncated)}), so names sharing that prefix collide and tools comparing the full name see a different object.`,
          help:
            `use a name of at most ${MAX_IDENTIFIER_BYTES} bytes (UTF-8): abbreviate it, and where an ORM derives the name ` +
            '(indexes, foreign keys), give the index or constraint an explicit short name',
        });
      }
    }
    return out;
  },
});
