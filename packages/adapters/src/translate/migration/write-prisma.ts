/**
 * A translated migration as a Prisma migration folder: `<YYYYMMDDHHMMSS>_<name>/migration.sql` and dbm's
 * reviewed `down.sql` beside it (Prisma ignores it; dbm rollback runs it), plus `migration_lock.toml` when the
 * folder has none. Prisma migrations are SQL, so every statement keeps its exact text. Prisma runs a
 * migration.sql as one script: a statement that cannot run inside a transaction works only alone in its file.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { lockFileText } from '../../prisma/lock-file.js';
import { PRISMA_LOCK_FILE } from '../../prisma/migrations-list.js';
import { PRISMA_DOWN_FILE, PRISMA_MIGRATION_FILE } from '../../prisma/read.js';
import { prismaTimestamp } from '../../prisma/timestamp.js';
import { headerLines } from './header.js';
import { snakeName } from './names.js';
import { downStatements, sqlFile } from './sql-script.js';
import type { TranslatedMigrationFile, TranslateMigrationWarning } from './types.js';
import type { MigrationWriter } from './writer.js';

const exists = (p: string) => access(p).then(() => true, () => false);

/** Writes the Prisma form. */
export const writePrisma: MigrationWriter = async (plan, ctx) => {
  const folder = `${prismaTimestamp(ctx.time)}_${snakeName(ctx.name)}`;
  const warnings: TranslateMigrationWarning[] = [];
  const [outside] = plan.outsideTransaction;
  if (outside && plan.up.length > 1) {
    warnings.push({
      code: 'outside-transaction',
      direction: 'up',
      sql: outside.sql,
      message: `"${outside.sql}" cannot run inside a transaction, and Prisma runs a migration.sql with several statements as one: prisma migrate deploy fails on it (dbm apply runs it outside a transaction); to use Prisma's own runner, move it to a migration of its own`,
    });
  }
  const header = headerLines(plan, [...plan.warnings, ...warnings]);
  const files: TranslatedMigrationFile[] = [
    { path: path.join(ctx.outDir, folder, PRISMA_MIGRATION_FILE), text: sqlFile(header, plan.up) },
    {
      path: path.join(ctx.outDir, folder, PRISMA_DOWN_FILE),
      text: sqlFile([`dbm: down migration of ${folder}, run by \`dbm rollback\` (Prisma ignores this file)`], downStatements(plan.down)),
    },
  ];
  if (!(await exists(path.join(ctx.outDir, PRISMA_LOCK_FILE)))) files.push({ path: path.join(ctx.outDir, PRISMA_LOCK_FILE), text: lockFileText('postgresql') });
  return { migration: folder, files, warnings };
};
