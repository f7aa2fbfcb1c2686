/**
 * Prisma's migrations folder → dbm's migration sources. Prisma 7 keeps one folder per migration,
 * `<migrations>/<timestamp>_<name>/migration.sql`, beside `migration_lock.toml`; the folder name is
 * the name `_prisma_migrations` records, and Prisma applies the folders in name order. dbm may add a
 * reviewed `down.sql` beside migration.sql, which Prisma ignores.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MigrationSource } from '@dbm/core';
import { MigrationFolderError } from '../migration-folder-error.js';
import { prismaChecksum } from './checksum.js';
import { readOptional } from '../code/read-optional.js';
import { statOrUndefined } from '../code/probe.js';
import { prismaFolderOrder } from './folder-order.js';

/** The file holding a migration, inside its folder. */
export const PRISMA_MIGRATION_FILE = 'migration.sql';
/** dbm's reviewed down migration, beside migration.sql. */
export const PRISMA_DOWN_FILE = 'down.sql';

/**
 * Reads the migrations folder (e.g. `prisma/migrations`) in Prisma's order: sub-folders sorted with
 * `localeCompare`, as the Prisma CLI sorts them. Every sub-folder is a migration to Prisma, so one
 * without migration.sql is an error here too. The text is read as UTF-8 the way Prisma reads it, and
 * the checksum is the one Prisma would store for it.
 */
export async function readPrismaMigrations(dir: string): Promise<MigrationSource[]> {
  if (!statOrUndefined(dir)?.isDirectory()) {
    throw new MigrationFolderError(
      `Prisma migrations folder not found: ${dir} (expected <name>/migration.sql folders, e.g. prisma/migrations; set migrations.path in prisma.config.ts if it lives elsewhere)`,
      dir,
    );
  }
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort(prismaFolderOrder);
  // synchronous reads (code/probe.ts): ~20 µs a file, where the promise API took ~2 ms a migration one after
  // another and still ~0.1 ms a file side by side
  return names.map((name, order) => {
    const path = join(dir, name, PRISMA_MIGRATION_FILE);
    const sql = readOptional(path);
    const downSql = readOptional(join(dir, name, PRISMA_DOWN_FILE));
    if (sql === undefined) {
      throw new MigrationFolderError(`Prisma migration file not found: ${path} (Prisma treats every folder in ${dir} as a migration)`, path);
    }
    return { name, checksum: prismaChecksum(sql), order, sql, path, ...(downSql === undefined ? {} : { downSql }) } satisfies MigrationSource;
  });
}
