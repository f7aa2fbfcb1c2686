/**
 * The migrations folder as the Prisma CLI hands it to the schema engine (Prisma 7's `listMigrations`):
 * every sub-folder, sorted with `localeCompare`, each with its migration.sql read as UTF-8 (or the read
 * error), plus the lock file. dbm builds the same list to ask the engine what Prisma itself would say.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import { prismaFolderOrder } from './folder-order.js';

/** The name of Prisma's lock file in the migrations folder. */
export const PRISMA_LOCK_FILE = 'migration_lock.toml';

/** Reads `dir` (e.g. prisma/migrations) into the engine's MigrationList; a missing folder is an empty history, as in Prisma. */
export async function prismaMigrationsList(dir: string, shadowDbInitScript = ''): Promise<MigrationList> {
  const lockfile = { path: PRISMA_LOCK_FILE, content: await readFile(join(dir, PRISMA_LOCK_FILE), 'utf8').catch(() => null) };
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort(prismaFolderOrder);
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: await readFile(join(dir, name, 'migration.sql'), 'utf8').then(
          (value) => ({ tag: 'ok' as const, value }),
          (e: Error) => ({ tag: 'error' as const, value: e.message }),
        ),
      },
    })),
  );
  return { baseDir: dir, lockfile, shadowDbInitScript, migrationDirectories };
}
