/**
 * `apply --dry-run`: exactly what apply would run, step by step, with the lock each statement takes, the
 * size and estimated rows of each table it touches, and a warning on steps that rewrite or scan a large
 * table. Read-only: it creates nothing, not even the ledger.
 */
import type pg from 'pg';
import { lockOf, type LockLevel } from '../../dialects/postgres/locks.js';
import { loadPostgresParser, parsePostgres } from '../../dialects/postgres/parse.js';
import { qname } from '../../dialects/postgres/quote.js';
import type { Operation } from '../../operations/operation.js';
import { isVolatileDefault } from '../../plan/expressions.js';
import { readStatus } from '../status.js';
import { connect } from './connect.js';
import { pendingWork, type ApplyOptions } from './apply.js';

/** One statement of the dry run. */
export interface DryRunStatement {
  readonly sql: string;
  readonly lock: LockLevel;
  readonly table?: string;
  readonly rows?: number;
  readonly bytes?: number;
  readonly warning?: string;
}

/** One migration of the dry run. */
export interface DryRunMigration {
  readonly name: string;
  /** Code migrations run through their ORM; their SQL is shown when it can be rendered. */
  readonly kind: 'sql' | 'code';
  readonly steps: { transactional: boolean; comment: string; statements: DryRunStatement[] }[];
  readonly notes: string[];
}

/** Tables above this many rows (or bytes) make a rewrite or scan worth a warning. */
export const LARGE_ROWS = 100_000;
export const LARGE_BYTES = 100 * 1024 * 1024;

function rewrites(op: Operation): string | undefined {
  if (op.kind === 'alterColumnType') return 'rewrites the table and its indexes';
  if (op.kind === 'addColumn' && op.column.default !== undefined && isVolatileDefault(op.column.default)) return 'rewrites the table';
  if (op.kind === 'addColumn' && op.column.generated !== undefined) return 'rewrites the table';
  if (op.kind === 'raw' && /^(ClusterStmt|VacuumStmt)$/.test(op.statement) && lockOf(op).level === 'ACCESS EXCLUSIVE') return 'rewrites the table';
  return undefined;
}

async function describe(client: pg.ClientBase, sql: string): Promise<DryRunStatement> {
  let op: Operation | undefined;
  try {
    op = parsePostgres(sql).statements[0]?.ops[0];
  } catch {
    return { sql, lock: 'none' };
  }
  if (!op) return { sql, lock: 'none' };
  const lock = lockOf(op);
  if (!lock.table) return { sql, lock: lock.level };
  const r = await client.query(
    `SELECT c.reltuples::bigint AS rows, pg_total_relation_size(c.oid) AS bytes, c.oid::regclass::text AS rel FROM pg_class c WHERE c.oid = to_regclass($1)`,
    [qname(lock.table)],
  );
  const stats = r.rows[0] as { rows: string; bytes: string; rel: string } | undefined;
  let rows = stats ? Number(stats.rows) : undefined;
  // never analysed (reltuples -1): count a table of modest size, estimate a big one from its size
  if (stats && rows !== undefined && rows < 0) {
    rows = Number(stats.bytes) < 256 * 1024 * 1024 ? Number((await client.query(`SELECT count(*) AS n FROM ${stats.rel}`)).rows[0].n) : Math.round(Number(stats.bytes) / 100);
  }
  const bytes = stats ? Number(stats.bytes) : undefined;
  const large = (rows ?? 0) >= LARGE_ROWS || (bytes ?? 0) >= LARGE_BYTES;
  const heavy = rewrites(op) ?? (lock.scan && lock.level === 'ACCESS EXCLUSIVE' ? 'scans the table under ACCESS EXCLUSIVE' : undefined);
  const table = lock.table.schema ? `${lock.table.schema}.${lock.table.name}` : lock.table.name;
  return {
    sql,
    lock: lock.level,
    table,
    ...(rows !== undefined ? { rows } : {}),
    ...(bytes !== undefined ? { bytes } : {}),
    ...(large && heavy ? { warning: `${heavy}: ${table} is large (~${rows} rows, ${Math.round((bytes ?? 0) / 1048576)} MB)` } : {}),
  };
}

/** Plans the pending migrations and describes every statement, without changing anything. */
export async function dryRun(options: ApplyOptions): Promise<DryRunMigration[]> {
  await loadPostgresParser();
  const client = await connect(options.url);
  try {
    const work = pendingWork(await readStatus(client, options.ledger, options.sources), { ...options, allowHazards: true });
    const out: DryRunMigration[] = [];
    for (const { source, plan } of work) {
      if (!plan) {
        const sql = (await source.runner?.render?.('up')) ?? undefined;
        out.push({
          name: source.name,
          kind: 'code',
          steps: [{ transactional: (await source.runner?.transactional?.()) ?? true, comment: 'runs through the ORM', statements: await Promise.all((sql ?? []).map((s) => describe(client, s))) }],
          notes: sql ? [] : ['the migration is code that cannot be rendered to SQL without running it'],
        });
        continue;
      }
      const steps = [];
      for (const step of plan.steps) {
        steps.push({ transactional: step.transactional, comment: step.comment, statements: await Promise.all(step.statements.map((s) => describe(client, s))) });
      }
      out.push({ name: source.name, kind: 'sql', steps, notes: plan.notes.map((n) => `line ${n.line}: ${n.message}`) });
    }
    return out;
  } finally {
    await client.end().catch(() => undefined);
  }
}
