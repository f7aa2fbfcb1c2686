/**
 * A Prisma package described for the verbs: the config (prisma.config.*), the schema it names (validated,
 * its provider giving the dialect), the migrations folder (`migrations.path`, else `migrations` beside the
 * schema, as in the Prisma CLI) and where the database URL comes from (the config's datasource, else
 * DATABASE_URL, Prisma's convention; Prisma 7 no longer accepts a `url` in the schema).
 */
import { dirname, join } from 'node:path';
import type { Evidence, Project } from '../orm-adapter.js';
import { loadPrismaConfig, type PrismaConfig } from './config.js';
import { loadPrismaSchema, type PrismaSchema } from './schema.js';

/** A described project, with the config and schema it was described from (generate needs both). */
export interface PrismaProject {
  readonly project: Project;
  readonly config?: PrismaConfig;
  readonly schema: PrismaSchema;
}

/** Reads config and schema of the package in `root`. Throws PrismaProjectError naming the file and the fix. */
export async function readPrismaProject(root: string, evidence: Evidence): Promise<PrismaProject> {
  const config = await loadPrismaConfig(root);
  const schema = await loadPrismaSchema(root, { ...(config ? { baseDir: dirname(config.path) } : {}), ...(config?.schema ? { schema: config.schema } : {}) });
  const migrationsDir = config?.migrationsPath ?? join(schema.rootDir, 'migrations');
  const url = config?.url ?? { env: 'DATABASE_URL' };
  const project: Project = {
    orm: 'prisma',
    dialect: schema.dialect,
    root,
    migrationsDir,
    schemaPath: schema.path,
    ...(config ? { configPath: config.path } : {}),
    url,
    evidence: [...evidence.reasons, `datasource provider "${schema.provider}" in ${schema.datasourceFile}`],
  };
  return { project, ...(config ? { config } : {}), schema };
}

/** The project alone, for {@link OrmAdapter.project}. */
export async function describePrismaProject(root: string, evidence: Evidence): Promise<Project> {
  return (await readPrismaProject(root, evidence)).project;
}

