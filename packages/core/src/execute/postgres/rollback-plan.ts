/**
 * The down migration of a SQL migration: the reviewed down.sql written beside it when there is one,
 * else derived from the operations' reverses, with DROP TABLE / DROP COLUMN undone from dbm's backups.
 * Anything that cannot be undone is reported, so the rollback is refused before anything runs.
 */
import { compilePostgres } from '../../dialects/postgres/compile.js';
import { operationsOf, parsePostgres } from '../../dialects/postgres/parse.js';
import { invert } from '../../operations/invert.js';
import type { MigrationSource } from '../ledger.js';
import { restoreStatements, type BackupRow } from './restore.js';

/** The down statements, or the reasons they cannot be derived. */
export type DownSql = { ok: true; sql: string; derived: boolean } | { ok: false; reasons: string[] };

const sameTable = (b: BackupRow, schema: string | undefined, name: string) =>
  b.source_table === name && (schema === undefined || b.source_schema === schema);

/** Builds the down SQL of one migration, given the backups dbm kept when applying it. */
export function downSql(m: MigrationSource, backups: readonly BackupRow[]): DownSql {
  if (m.downSql !== undefined) return { ok: true, sql: m.downSql, derived: false };
  const ops = operationsOf(parsePostgres(m.sql ?? '', m.path));
  const statements: string[] = [];
  const reasons: string[] = [];
  const unused = [...backups];
  const take = (pred: (b: BackupRow) => boolean) => {
    const i = unused.findIndex(pred);
    return i < 0 ? undefined : unused.splice(i, 1)[0];
  };
  for (const op of [...ops].reverse()) {
    if (op.kind === 'transaction' || op.kind === 'setting') continue;
    const line = op.loc ? ` (line ${op.loc.line})` : '';
    if (op.kind === 'dropTable' || op.kind === 'dropColumn') {
      const b =
        op.kind === 'dropTable'
          ? take((x) => x.kind === 'table' && sameTable(x, op.table.schema, op.table.name))
          : take((x) => x.kind === 'column' && sameTable(x, op.table.schema, op.table.name) && x.source_column === op.column);
      if (b) statements.push(...restoreStatements(b));
      else reasons.push(`${m.name}${line}: ${compilePostgres(op)} — no backup of the dropped data (it was applied without dbm, or the table had no primary key)`);
      continue;
    }
    const inv = invert(op);
    if (inv.reversible) statements.push(...inv.ops.map(compilePostgres));
    else reasons.push(`${m.name}${line}: ${compilePostgres(op).split('\n')[0]} — ${inv.reason}; write a down.sql beside the migration`);
  }
  return reasons.length ? { ok: false, reasons } : { ok: true, sql: statements.map((s) => `${s};\n`).join(''), derived: true };
}
