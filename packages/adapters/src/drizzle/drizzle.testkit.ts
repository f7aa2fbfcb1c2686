/**
 * Test helpers for drizzle: the fixture app's migrations, a writable copy, and drizzle-orm's own
 * migrator run on a connection with every statement it sends recorded.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type pg from 'pg';
import { onTestFinished } from 'vitest';

/** The fixture app's migrations folder (drizzle-kit output: users, orders with a FK and an index, users.display_name). */
export const FIXTURE_FOLDER = join(dirname(fileURLToPath(import.meta.url)), 'testdata', 'app', 'drizzle');

/** A writable copy of the fixture migrations (removed when the test ends). */
export async function copyFixture(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'dbm-drizzle-'));
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  const folder = join(root, 'drizzle');
  await cp(FIXTURE_FOLDER, folder, { recursive: true });
  return folder;
}

/** drizzle.config's `migrations` block. */
export interface MigrationsTable {
  readonly table?: string;
  readonly schema?: string;
}

/** Runs drizzle-orm's migrator (what `drizzle-kit migrate` runs) and returns the statements it sent. */
export async function drizzleMigrate(client: pg.Client, folder: string, config: MigrationsTable = {}): Promise<string[]> {
  const sent: string[] = [];
  const db = drizzle({ client, logger: { logQuery: (query: string) => void sent.push(query.trim()) } });
  await migrate(db, {
    migrationsFolder: folder,
    ...(config.table ? { migrationsTable: config.table } : {}),
    ...(config.schema ? { migrationsSchema: config.schema } : {}),
  });
  return sent;
}

/** Whether drizzle sent any statement of the fixture's migration files (as opposed to its own bookkeeping). */
export function ranMigrationStatements(sent: readonly string[], statements: readonly string[]): string[] {
  const wanted = new Set(statements.map((s) => s.trim()).filter((s) => s !== ''));
  return sent.filter((s) => wanted.has(s));
}
