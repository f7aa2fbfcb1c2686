/** The statements that bring back what {@link withBackups} kept, for a rollback. */
import type pg from 'pg';
import { ident, qname } from '../../dialects/postgres/quote.js';
import { DBM_SCHEMA } from './bookkeeping.js';

/** A kept table or column, as recorded in `_dbm.backups`. */
export interface BackupRow {
  readonly id: string;
  readonly kind: 'table' | 'column';
  readonly source_schema: string;
  readonly source_table: string;
  readonly source_column: string | null;
  readonly backup_table: string;
  readonly key_columns: string[];
  readonly column_definition: string | null;
}

/** The backups of one migration, newest first (the order to restore them in). */
export async function backupsOf(client: pg.ClientBase, ledger: string, migration: string): Promise<BackupRow[]> {
  const exists = await client.query(`SELECT to_regclass('"_dbm"."backups"') IS NOT NULL AS ok`);
  if (!exists.rows[0]?.ok) return [];
  const r = await client.query(
    `SELECT "id"::text, "kind", "source_schema", "source_table", "source_column", "backup_table", "key_columns", "column_definition"
     FROM "_dbm"."backups" WHERE "ledger" = $1 AND "migration" = $2 ORDER BY "id" DESC`,
    [ledger, migration],
  );
  return r.rows as BackupRow[];
}

/** Statements restoring one backup, the bookkeeping row's removal included. */
export function restoreStatements(b: BackupRow): string[] {
  const table = qname({ schema: b.source_schema, name: b.source_table });
  const kept = `${ident(DBM_SCHEMA)}.${ident(b.backup_table)}`;
  const forget = `DELETE FROM ${ident(DBM_SCHEMA)}."backups" WHERE "id" = ${Number(b.id)}`;
  if (b.kind === 'table') {
    return [
      `ALTER TABLE ${kept} SET SCHEMA ${ident(b.source_schema)}`,
      `ALTER TABLE ${qname({ schema: b.source_schema, name: b.backup_table })} RENAME TO ${ident(b.source_table)}`,
      forget,
    ];
  }
  const def = JSON.parse(b.column_definition ?? '{}') as { type: string; notNull: boolean; default: string | null; collation: string | null };
  const col = ident(b.source_column ?? '');
  const match = b.key_columns.map((k) => `t.${ident(k)} = b.${ident(k)}`).join(' AND ');
  return [
    `ALTER TABLE ${table} ADD COLUMN ${col} ${def.type}${def.collation ? ` COLLATE ${def.collation}` : ''}`,
    `UPDATE ${table} AS t SET ${col} = b.${col} FROM ${kept} AS b WHERE ${match}`,
    ...(def.default !== null ? [`ALTER TABLE ${table} ALTER COLUMN ${col} SET DEFAULT ${def.default}`] : []),
    ...(def.notNull ? [`ALTER TABLE ${table} ALTER COLUMN ${col} SET NOT NULL`] : []),
    `DROP TABLE ${kept}`,
    forget,
  ];
}
