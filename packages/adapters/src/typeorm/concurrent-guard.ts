/**
 * What dbm's executor does around a CONCURRENTLY statement, written into the `transaction = false` class,
 * because TypeORM (and dbm's runner, which runs the class through TypeORM) executes the class as written:
 * - no lock_timeout: CONCURRENTLY never blocks writes, and a timeout would only fail the build halfway and
 *   leave an INVALID index behind;
 * - an INVALID index left by an earlier failed run is dropped first (DROP INDEX CONCURRENTLY IF EXISTS), so
 *   running the class again works instead of failing with "relation already exists". The class has not been
 *   recorded as run, so an index of that name can only be such a leftover.
 */
import { parsePostgres, qname } from '@dbm/core';

const TIMEOUT = /^\s*SET\s+lock_timeout\b/i;
const CONCURRENT = /^\s*(CREATE\s+(UNIQUE\s+)?INDEX\s+CONCURRENTLY|DROP\s+INDEX\s+CONCURRENTLY|REINDEX\b[\s\S]*\bCONCURRENTLY)/i;

/** The index a CREATE INDEX CONCURRENTLY statement builds, quoted; undefined for anything else. */
function builtIndex(statement: string): string | undefined {
  const op = parsePostgres(statement).statements[0]?.ops[0];
  if (op?.kind !== 'createIndex' || !op.concurrently || !op.name) return undefined;
  return qname({ ...(op.table.schema ? { schema: op.table.schema } : {}), name: op.name });
}

/** The statements of a non-transactional step as the class runs them (unchanged when nothing is CONCURRENTLY). */
export function guardConcurrentIndexes(statements: readonly string[]): string[] {
  if (!statements.some((s) => CONCURRENT.test(s))) return [...statements];
  // used for `down` too: a reverse DROP INDEX CONCURRENTLY gets the same lock_timeout treatment
  const out = ['SET lock_timeout = 0'];
  for (const s of statements) {
    if (TIMEOUT.test(s)) continue;
    const index = builtIndex(s);
    if (index) out.push(`DROP INDEX CONCURRENTLY IF EXISTS ${index}`);
    out.push(s);
  }
  return out;
}
