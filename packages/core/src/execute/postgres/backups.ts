/**
 * Makes destructive steps reversible. Before a DROP TABLE the table is moved, whole (rows, indexes,
 * constraints, sequences), into dbm's schema instead of being dropped; before a DROP COLUMN its values are
 * copied with the primary key into a backup table. The rollback moves or copies them back.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { parsePostgres } from '../../dialects/postgres/parse.js';
import { ident, literal, qname } from '../../dialects/postgres/quote.js';
import type { QualifiedName } from '../../operations/common.js';
import type { Plan, Step } from '../../plan/types.js';
import { truncateIdentifier } from '../../plan/names.js';
import { DBM_SCHEMA } from './bookkeeping.js';

/** A backup dbm will take, or why it cannot. */
export interface BackupPlan {
  readonly plan: Plan;
  /** Drops whose data cannot be kept (named before anything runs). */
  readonly unprotected: string[];
}

interface Where {
  readonly ledger: string;
  readonly migration: string;
}

const short = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 8);

function backupName(w: Where, step: number, ...parts: string[]): string {
  return truncateIdentifier(`bk_${short(`${w.ledger}/${w.migration}`)}_${step}_${parts.join('_')}`);
}

async function relationId(client: pg.ClientBase, t: QualifiedName): Promise<number | undefined> {
  const r = await client.query('SELECT to_regclass($1)::oid AS oid', [qname(t)]);
  return r.rows[0]?.oid ?? undefined;
}

async function hasDependents(client: pg.ClientBase, oid: number): Promise<boolean> {
  const r = await client.query(
    `SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE confrelid = $1 AND conrelid <> $1)
         OR EXISTS (SELECT 1 FROM pg_depend d JOIN pg_rewrite w ON w.oid = d.objid WHERE d.refobjid = $1 AND w.ev_class <> $1) AS dep`,
    [oid],
  );
  return r.rows[0]?.dep === true;
}

async function primaryKey(client: pg.ClientBase, oid: number): Promise<string[]> {
  const r = await client.query(
    `SELECT a.attname FROM pg_index i JOIN LATERAL unnest(i.indkey) WITH ORDINALITY k(attnum, n) ON true
     JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
     WHERE i.indrelid = $1 AND i.indisprimary ORDER BY k.n`,
    [oid],
  );
  return r.rows.map((row: { attname: string }) => row.attname);
}

async function columnDefinition(client: pg.ClientBase, oid: number, column: string): Promise<Record<string, unknown> | undefined> {
  const r = await client.query(
    `SELECT format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS "notNull", pg_get_expr(d.adbin, d.adrelid) AS "default",
            CASE WHEN a.attcollation <> t.typcollation THEN (SELECT quote_ident(collname) FROM pg_collation WHERE oid = a.attcollation) END AS collation
     FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE a.attrelid = $1 AND a.attname = $2 AND NOT a.attisdropped AND a.attgenerated = '' AND a.attidentity = ''`,
    [oid, column],
  );
  return r.rows[0];
}

function record(w: Where, step: number, kind: string, t: QualifiedName, column: string | null, backup: string, keys: string[], def: unknown): string {
  const arr = `ARRAY[${keys.map(literal).join(', ')}]::text[]`;
  return (
    `INSERT INTO ${ident(DBM_SCHEMA)}."backups" ("ledger", "migration", "step", "kind", "source_schema", "source_table", "source_column", "backup_table", "key_columns", "column_definition") ` +
    `VALUES (${literal(w.ledger)}, ${literal(w.migration)}, ${step}, ${literal(kind)}, COALESCE(${t.schema ? literal(t.schema) : 'NULL'}, current_schema()), ` +
    `${literal(t.name)}, ${column === null ? 'NULL' : literal(column)}, ${literal(backup)}, ${arr}, ${def === null ? 'NULL' : literal(JSON.stringify(def))})`
  );
}

/** The statements that replace or precede one statement of step `step`; undefined when it needs none. */
async function protect(client: pg.ClientBase, w: Where, step: number, statement: string, unprotected: string[]): Promise<string[] | undefined> {
  let op;
  try {
    const parsed = parsePostgres(statement).statements;
    if (parsed.length !== 1 || parsed[0]!.ops.length !== 1) return undefined;
    op = parsed[0]!.ops[0]!;
  } catch {
    return undefined;
  }
  if (op.kind === 'dropTable') {
    const oid = await relationId(client, op.table);
    if (oid === undefined) return undefined;
    if (op.cascade || (await hasDependents(client, oid))) {
      unprotected.push(`${statement} (other objects depend on the table; its data cannot be kept)`);
      return undefined;
    }
    const backup = backupName(w, step, op.table.name);
    const moved: QualifiedName = { ...(op.table.schema ? { schema: op.table.schema } : {}), name: backup };
    return [
      record(w, step, 'table', op.table, null, backup, [], null),
      `ALTER TABLE ${qname(op.table)} RENAME TO ${ident(backup)}`,
      `ALTER TABLE ${qname(moved)} SET SCHEMA ${ident(DBM_SCHEMA)}`,
    ];
  }
  if (op.kind === 'dropColumn') {
    const oid = await relationId(client, op.table);
    if (oid === undefined) return undefined;
    const keys = await primaryKey(client, oid);
    const def = await columnDefinition(client, oid, op.column);
    if (!def) return undefined;
    if (!keys.length || keys.includes(op.column)) {
      unprotected.push(`${statement} (the table has no primary key to restore the values by)`);
      return undefined;
    }
    const backup = backupName(w, step, op.table.name, op.column);
    const cols = [...keys, op.column].map(ident).join(', ');
    return [
      `CREATE TABLE ${ident(DBM_SCHEMA)}.${ident(backup)} AS SELECT ${cols} FROM ${qname(op.table)}`,
      record(w, step, 'column', op.table, op.column, backup, keys, def),
      statement,
    ];
  }
  return undefined;
}

/** Rewrites the plan so every DROP TABLE / DROP COLUMN keeps its data in dbm's schema. */
export async function withBackups(client: pg.ClientBase, plan: Plan, where: Where): Promise<BackupPlan> {
  const unprotected: string[] = [];
  const steps: Step[] = [];
  for (const [index, step] of plan.steps.entries()) {
    const statements: string[] = [];
    for (const s of step.statements) statements.push(...((await protect(client, where, index, s, unprotected)) ?? [s]));
    steps.push({ ...step, statements });
  }
  return { plan: { ...plan, steps }, unprotected };
}
