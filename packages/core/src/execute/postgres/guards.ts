/**
 * Makes non-transactional statements safe to run again after a crash: an index build that finished
 * is skipped, one that left an INVALID index behind has it dropped first, a drop of a gone index is skipped.
 */
import type pg from 'pg';
import { parsePostgres } from '../../dialects/postgres/parse.js';
import { qname } from '../../dialects/postgres/quote.js';
import type { QualifiedName } from '../../operations/common.js';

/** What to do with a statement before running it again. */
export type Guard = { action: 'run' } | { action: 'skip'; reason: string } | { action: 'drop-invalid-then-run'; index: string };

async function indexState(client: pg.ClientBase, name: QualifiedName): Promise<'absent' | 'valid' | 'invalid'> {
  const r = await client.query(
    `SELECT i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = $1 AND n.nspname = COALESCE($2, current_schema())`,
    [name.name, name.schema ?? null],
  );
  if (!r.rows.length) return 'absent';
  return r.rows[0].valid ? 'valid' : 'invalid';
}

/** Decides how to (re)run one statement of a non-transactional step. */
export async function guardStatement(client: pg.ClientBase, statement: string): Promise<Guard> {
  let op;
  try {
    op = parsePostgres(statement).statements[0]?.ops[0];
  } catch {
    return { action: 'run' };
  }
  if (op?.kind === 'createIndex' && op.concurrently && op.name) {
    const name = { ...(op.table.schema ? { schema: op.table.schema } : {}), name: op.name };
    const state = await indexState(client, name);
    if (state === 'valid') return { action: 'skip', reason: `index ${op.name} already built` };
    if (state === 'invalid') return { action: 'drop-invalid-then-run', index: qname(name) };
  }
  if (op?.kind === 'dropIndex' && (await indexState(client, op.index)) === 'absent') {
    return { action: 'skip', reason: `index ${op.index.name} already dropped` };
  }
  return { action: 'run' };
}
