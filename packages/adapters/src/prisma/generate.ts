/**
 * `dbm generate` for Prisma, in process and without the Prisma CLI: Prisma's schema engine diffs the
 * schema the existing migrations build (replayed into an embedded shadow database, no user shadow
 * database needed) against schema.prisma, which is what `prisma migrate dev --create-only` writes; dbm's
 * safety pass then rewrites that SQL into safe steps, and the steps are written as Prisma migration
 * folders. Nothing is written when the schema and the migrations agree, or when anything fails.
 */
import { dirname } from 'node:path';
import { loadPostgresParser, parsePostgres, planFix } from '@dbm/core';
import type { GenerateOptions, GenerateResult, Project } from '../orm-adapter.js';
import { prismaDiff } from './diff.js';
import { layoutPlan } from './layout.js';
import { lockFileNeeded } from './lock-file.js';
import { prismaMigrationsList } from './migrations-list.js';
import { PrismaProjectError } from './project-error.js';
import { readPrismaProject } from './project.js';
import { migrationNamer } from './timestamp.js';
import { writeMigrations } from './write.js';

const NOTHING: GenerateResult = { files: [], migrations: [], changes: [], notes: [] };

/** Generates the next Prisma migration(s) of `project` in their safe form. */
export async function generatePrismaMigration(project: Project, options: GenerateOptions): Promise<GenerateResult> {
  if (!/^[A-Za-z0-9_-]+$/.test(options.name)) {
    throw new PrismaProjectError(`the migration name may use letters, digits, _ and - only, got "${options.name}"`);
  }
  const { config, schema } = await readPrismaProject(project.root, { orm: 'prisma', reasons: [] });
  if (schema.dialect !== 'postgresql') {
    throw new PrismaProjectError(
      `dbm generate for Prisma supports PostgreSQL only so far (the datasource provider is "${schema.provider}" in ${schema.datasourceFile}); use prisma migrate dev --create-only`,
      schema.path,
    );
  }
  const dir = project.migrationsDir;
  const migrations = await prismaMigrationsList(dir, config?.initShadowDb ?? '');
  const lock = lockFileNeeded(dir, migrations.lockfile, 'postgresql');
  const script = await prismaDiff({
    migrations,
    schemaFiles: schema.files,
    configDir: config ? dirname(config.path) : project.root,
    externalTables: config?.externalTables ?? [],
    externalEnums: config?.externalEnums ?? [],
  });
  await loadPostgresParser();
  const parsed = parsePostgres(script, "Prisma's migration SQL");
  if (!parsed.statements.length) return NOTHING;
  const planOptions = { ...(options.pgVersion ? { pgVersion: options.pgVersion } : {}) };
  const plan = planFix(parsed, planOptions);
  const names = migrationNamer(
    migrations.migrationDirectories.map((d) => d.path),
    options.name,
    options.now ?? new Date(),
  );
  const layout = layoutPlan({ script, parsed, plan, options: planOptions, names });
  const files = await writeMigrations(dir, layout.drafts, { lock, provider: 'postgresql' });
  return { files, migrations: layout.drafts.map((d) => d.name), changes: layout.changes, notes: layout.notes };
}
