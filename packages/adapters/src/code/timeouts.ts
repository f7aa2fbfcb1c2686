/** The session settings a code runner applies to the ORM's connection before the migration runs. */
import type { CodeRunContext } from '@dbm/core';

/**
 * One statement setting lock_timeout (and statement_timeout when given) for the session, with the values
 * bound as parameters so no user text is spliced into SQL. Session scope (not LOCAL) because knex and
 * TypeORM run a migration that opts out of transactions statement by statement.
 */
export function timeoutStatement(ctx: Pick<CodeRunContext, 'lockTimeout' | 'statementTimeout'>): { text: string; values: string[] } {
  const values = [ctx.lockTimeout];
  let text = `SELECT set_config('lock_timeout', $1, false)`;
  if (ctx.statementTimeout !== undefined) {
    values.push(ctx.statementTimeout);
    text += `, set_config('statement_timeout', $2, false)`;
  }
  return { text, values };
}
