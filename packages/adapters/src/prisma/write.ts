/**
 * Writes migration folders into Prisma's migrations folder: `<name>/migration.sql` (UTF-8, as the Prisma
 * CLI writes it), dbm's `<name>/down.sql`, and migration_lock.toml when it is missing. All or nothing:
 * a folder that already exists stops the write before anything is created, and a failure halfway removes
 * what this call created.
 */
import { access, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MigrationDraft } from './layout.js';
import { lockFileText } from './lock-file.js';
import { PRISMA_LOCK_FILE } from './migrations-list.js';
import { PRISMA_DOWN_FILE, PRISMA_MIGRATION_FILE } from './read.js';
import { PrismaProjectError } from './project-error.js';

const exists = (path: string) => access(path).then(() => true, () => false);

/** Writes the drafts (and the lock file for `provider` when `lock`); returns the files written, absolute. */
export async function writeMigrations(dir: string, drafts: readonly MigrationDraft[], options: { lock: boolean; provider: string }): Promise<string[]> {
  for (const d of drafts) {
    if (await exists(join(dir, d.name))) throw new PrismaProjectError(`the migration folder ${join(dir, d.name)} already exists: nothing was written`, join(dir, d.name));
  }
  const createdDir = !(await exists(dir));
  const created: string[] = [];
  const files: string[] = [];
  try {
    await mkdir(dir, { recursive: true });
    for (const d of drafts) {
      const folder = join(dir, d.name);
      await mkdir(folder);
      created.push(folder);
      files.push(join(folder, PRISMA_MIGRATION_FILE));
      await writeFile(join(folder, PRISMA_MIGRATION_FILE), d.sql, 'utf8');
      if (d.downSql !== undefined) {
        files.push(join(folder, PRISMA_DOWN_FILE));
        await writeFile(join(folder, PRISMA_DOWN_FILE), d.downSql, 'utf8');
      }
    }
    if (options.lock) {
      const lock = join(dir, PRISMA_LOCK_FILE);
      created.push(lock);
      await writeFile(lock, lockFileText(options.provider), 'utf8');
      files.push(lock);
    }
    return files;
  } catch (e) {
    for (const path of created.reverse()) await rm(path, { recursive: true, force: true }).catch(() => undefined);
    if (createdDir) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    throw e;
  }
}
