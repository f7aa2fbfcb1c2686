/**
 * A translated migration as plain SQL: `<name>.sql` and `<name>.down.sql` beside it, every statement with its
 * exact text (transaction control included: a SQL file says its own transactions).
 */
import path from 'node:path';
import { headerLines } from './header.js';
import { snakeName } from './names.js';
import { downStatements, sqlFile } from './sql-script.js';
import type { MigrationWriter } from './writer.js';

/** Writes the plain SQL form. */
export const writeSql: MigrationWriter = async (plan, ctx) => {
  const base = snakeName(ctx.name);
  return {
    migration: base,
    files: [
      { path: path.join(ctx.outDir, `${base}.sql`), text: sqlFile(headerLines(plan, plan.warnings), plan.up) },
      { path: path.join(ctx.outDir, `${base}.down.sql`), text: sqlFile([`dbm: down migration of ${base}.sql`], downStatements(plan.down)) },
    ],
    warnings: [],
  };
};
