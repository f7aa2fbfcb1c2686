/**
 * The point where a down migration must stop: a statement whose reverse dbm cannot derive. In SQL (and in a
 * TypeORM class, which runs SQL) it is a DO block that raises the message, so every runner — the ORM's own,
 * or dbm rollback — fails right there with it; knex code throws it.
 */
import { literal } from '@dbm/core';

/** The message a down migration fails with when it reaches a statement it cannot undo. */
export function cannotUndoMessage(label: string, statement: string, reason: string): string {
  const shown = statement.replace(/\s+/g, ' ').trim();
  const short = shown.length > 160 ? `${shown.slice(0, 157)}...` : shown;
  return `dbm cannot undo ${label} past "${short}": ${reason}. Restore from a backup, or write the reverse here.`;
}

/** A statement that raises `message`. */
export function failureSql(message: string): string {
  // a dollar-quoted body with a tag of its own, so no quote in the message can end it
  return `DO $dbm$ BEGIN RAISE EXCEPTION USING MESSAGE = ${literal(message.replaceAll('$dbm$', '$ dbm$'))}; END $dbm$`;
}
