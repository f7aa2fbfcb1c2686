/**
 * Test helpers for Prisma: the fixture app, a writable copy of its migrations, the schema engine
 * builds to check against, and the engine's verdict on a database.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DiagnoseMigrationHistoryOutput } from '@prisma/schema-engine-wasm';
import { onTestFinished } from 'vitest';
import { defaultEnginePackageDir, type PrismaEngine } from './engine.js';
import { prismaMigrationsList } from './migrations-list.js';

/** The fixture app's migrations folder (three migrations: User, Order with a FK and an index, User.display_name). */
export const FIXTURE_MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), 'testdata', 'app', 'prisma', 'migrations');

/** A writable copy of the fixture migrations, for tests that edit files (removed when the test ends). */
export async function copyFixture(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'dbm-prisma-'));
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  const dir = join(root, 'migrations');
  await cp(FIXTURE_MIGRATIONS, dir, { recursive: true });
  return dir;
}

/**
 * The engine builds to agree with: the one dbm depends on, and the one Prisma 7.10's own packages
 * (@prisma/internals) depend on, i.e. what `prisma migrate` of that release runs.
 */
export function engineBuilds(): { name: string; dir: string }[] {
  const fromInternals = createRequire(createRequire(import.meta.url).resolve('@prisma/internals'));
  const builds = [
    { name: 'dbm dependency', dir: defaultEnginePackageDir() },
    { name: 'prisma 7.10 (@prisma/internals)', dir: dirname(fromInternals.resolve('@prisma/schema-engine-wasm')) },
  ];
  return builds.filter((b, i) => builds.findIndex((o) => o.dir === b.dir) === i);
}

const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** What `prisma migrate status` is built on: the engine's diagnosis of the database against `dir`. */
export async function diagnose(prisma: PrismaEngine, dir: string): Promise<DiagnoseMigrationHistoryOutput> {
  return prisma.engine.diagnoseMigrationHistory({ migrationsList: await prismaMigrationsList(dir), optInToShadowDatabase: false, filters: NO_FILTERS });
}

/** What `prisma migrate deploy` does: applies the pending migrations of `dir`; returns their names. */
export async function deploy(prisma: PrismaEngine, dir: string): Promise<string[]> {
  const out = await prisma.engine.applyMigrations({ migrationsList: await prismaMigrationsList(dir), filters: NO_FILTERS });
  return out.appliedMigrationNames;
}
