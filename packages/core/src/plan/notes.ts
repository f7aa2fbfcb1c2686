/**
 * The expand/contract plans for what has no automatic safe form. The statement itself is kept as
 * written (the fix must stay equivalent); the note says how to get the same result without the hazard.
 */
import { ident, qname } from '../dialects/postgres/quote.js';
import type { QualifiedName } from '../operations/common.js';

/** A note's text: what is wrong and the numbered steps to follow. */
export interface NoteText {
  readonly message: string;
  readonly plan: string[];
  /** The rules (dbm ids and squawk aliases) whose ignore comment acknowledges the hazard. */
  readonly rules: readonly string[];
}

const numbered = (lines: string[]): string[] => lines.map((l, i) => `${i + 1}. ${l}`);
const show = (t: QualifiedName) => (t.schema ? `${t.schema}.${t.name}` : t.name);

/** RENAME COLUMN. */
export function renameColumnNote(table: QualifiedName, from: string, to: string): NoteText {
  const t = qname(table);
  return {
    rules: ['renaming-column'],
    message: `Renaming ${show(table)}.${from} to ${to} breaks every running instance of the application that still uses ${from} (and takes ACCESS EXCLUSIVE).`,
    plan: numbered([
      `ALTER TABLE ${t} ADD COLUMN ${ident(to)} <same type>; -- nullable, no default: instant`,
      `add a trigger that copies ${ident(from)} into ${ident(to)} on INSERT and UPDATE (dual write), so both columns stay equal`,
      `backfill ${ident(to)} from ${ident(from)} in batches (UPDATE ... WHERE ${ident(to)} IS NULL LIMIT 1000, one transaction per batch)`,
      `switch the application's reads and writes to ${ident(to)}, and deploy`,
      `in a later migration: drop the trigger, then ALTER TABLE ${t} DROP COLUMN ${ident(from)}`,
    ]),
  };
}

/** RENAME TABLE. */
export function renameTableNote(table: QualifiedName, to: string): NoteText {
  return {
    rules: ['renaming-table'],
    message: `Renaming ${show(table)} to ${to} breaks every running instance of the application that still uses ${show(table)} (and takes ACCESS EXCLUSIVE).`,
    plan: numbered([
      `in one transaction: ALTER TABLE ${qname(table)} RENAME TO ${ident(to)}; CREATE VIEW ${qname(table)} AS SELECT * FROM ${ident(to)}; -- the old name keeps working (a simple view is updatable)`,
      `switch the application to ${to}, and deploy`,
      `in a later migration: DROP VIEW ${qname(table)}`,
    ]),
  };
}

/** ALTER COLUMN TYPE. */
export function alterTypeNote(table: QualifiedName, column: string, type: string): NoteText {
  const t = qname(table);
  const next = ident(`${column}_new`);
  return {
    rules: ['changing-column-type'],
    message: `Changing the type of ${show(table)}.${column} to ${type} rewrites the table under ACCESS EXCLUSIVE unless the types are binary-coercible (varchar(n) to a longer varchar or text is).`,
    plan: numbered([
      `ALTER TABLE ${t} ADD COLUMN ${next} ${type}; -- nullable, no default: instant`,
      `add a trigger that keeps ${next} in sync with ${ident(column)} on INSERT and UPDATE`,
      `backfill ${next} in batches (UPDATE ... SET ${next} = ${ident(column)}::${type} WHERE ${next} IS NULL LIMIT 1000, one transaction per batch)`,
      `swap: switch the application to ${next} (or, in one short transaction, rename ${ident(column)} away and ${next} to ${ident(column)}), and deploy`,
      `in a later migration: drop the trigger and the old column`,
    ]),
  };
}

/** DROP COLUMN. */
export function dropColumnNote(table: QualifiedName, column: string): NoteText {
  return {
    rules: ['ban-drop-column'],
    message: `Dropping ${show(table)}.${column} destroys its values, and breaks any running code that still reads or writes it.`,
    plan: numbered([
      `stop using ${column} in the application (and in the ORM's schema: e.g. remove it from the model), and deploy`,
      `then drop it in a later migration; dbm keeps a backup of the column's values for rollback`,
    ]),
  };
}

/** DROP TABLE. */
export function dropTableNote(table: QualifiedName): NoteText {
  return {
    rules: ['ban-drop-table'],
    message: `Dropping ${show(table)} destroys its rows, and breaks any running code that still uses it.`,
    plan: numbered([
      `stop using ${show(table)} in the application, and deploy`,
      `then drop it in a later migration; dbm keeps a backup of the table for rollback (or rename it to a deprecated name first and drop it later)`,
    ]),
  };
}

/** ADD COLUMN ... NOT NULL without a default on an existing table. */
export function notNullWithoutDefaultNote(table: QualifiedName, column: string): NoteText {
  const t = qname(table);
  return {
    rules: ['adding-required-field'],
    message: `Adding ${show(table)}.${column} NOT NULL without a default fails as soon as the table has rows.`,
    plan: numbered([
      `ALTER TABLE ${t} ADD COLUMN ${ident(column)} <type>; -- nullable (or with a constant default)`,
      `backfill it in batches, one transaction per batch`,
      `then set NOT NULL without a long lock: ADD CONSTRAINT ... CHECK (${ident(column)} IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT ...; ALTER COLUMN ${ident(column)} SET NOT NULL; DROP CONSTRAINT ... (dbm fix writes these steps for a SET NOT NULL)`,
    ]),
  };
}

/** ADD COLUMN that rewrites the table and has no automatic split (identity, serial, generated, old server). */
export function rewritingColumnNote(table: QualifiedName, column: string, why: string): NoteText {
  const t = qname(table);
  return {
    rules: ['adding-field-with-default', 'adding-serial-primary-key-field', 'prefer-identity'],
    message: `Adding ${show(table)}.${column} (${why}) rewrites the whole table under ACCESS EXCLUSIVE.`,
    plan: numbered([
      `ALTER TABLE ${t} ADD COLUMN ${ident(column)} <type>; -- plain and nullable: instant`,
      `set the default (or attach the sequence) for new rows: ALTER TABLE ${t} ALTER COLUMN ${ident(column)} SET DEFAULT ...`,
      `backfill existing rows in batches, one transaction per batch`,
      `then add NOT NULL through a validated CHECK (dbm fix writes these steps for a SET NOT NULL)`,
    ]),
  };
}

/** SET NOT NULL before PostgreSQL 12. */
export function oldSetNotNullNote(table: QualifiedName, column: string, pgVersion: number): NoteText {
  return {
    rules: ['adding-not-nullable-field'],
    message: `SET NOT NULL on ${show(table)}.${column} scans the table under ACCESS EXCLUSIVE; before PostgreSQL 12 (target: ${pgVersion}) a validated CHECK cannot spare that scan.`,
    plan: numbered([
      `ALTER TABLE ${qname(table)} ADD CONSTRAINT ... CHECK (${ident(column)} IS NOT NULL) NOT VALID; then, in another transaction, VALIDATE CONSTRAINT ...; -- keep this check instead of NOT NULL`,
      `after upgrading to PostgreSQL 12 or later: SET NOT NULL (no scan thanks to the check), then drop the check`,
    ]),
  };
}

/** DROP INDEX ... CASCADE. */
export function dropIndexCascadeNote(index: QualifiedName): NoteText {
  return {
    rules: ['require-concurrent-index-deletion'],
    message: `DROP INDEX ${show(index)} CASCADE takes ACCESS EXCLUSIVE on its table; CONCURRENTLY cannot be combined with CASCADE.`,
    plan: numbered([
      `drop the objects that depend on ${show(index)} (usually a constraint) explicitly first`,
      `then DROP INDEX CONCURRENTLY ${qname(index)}; -- outside a transaction`,
    ]),
  };
}

/** ROLLBACK, savepoints and other transaction control the planner cannot honour by itself. */
export function transactionControlNote(what: string): NoteText {
  return {
    rules: ['ban-uncommitted-transaction', 'transaction-nesting'],
    message: `${what}: dbm decides the transaction boundaries of the fixed migration, so this transaction control cannot be kept with its meaning.`,
    plan: numbered([
      `remove the statements that are not meant to be committed from the migration`,
      `let dbm split the rest into its steps (every step is its own transaction, or runs outside one)`,
    ]),
  };
}
