/**
 * The Prisma adapter: detect, project and open behind the common interface (its generator: generators.ts).
 * Describing the project is imported when first used, so loading the registry (e.g. for `dbm --help`) loads
 * none of Prisma; detection is a small module every verb needs, imported with the registry.
 */
import type { OrmAdapter } from '../orm-adapter.js';
import { detectPrisma } from './detect.js';
import { openMigrations } from '../open.js';

/** Prisma behind {@link OrmAdapter}. */
export const prismaAdapter: OrmAdapter = {
  orm: 'prisma',
  detect: detectPrisma,
  project: async (root, evidence) => (await import('./project.js')).describePrismaProject(root, evidence),
  open: (project) => openMigrations({ orm: 'prisma', dir: project.migrationsDir, ...(project.ledgerTable ? { table: project.ledgerTable } : {}), ...(project.ledgerSchema ? { schema: project.ledgerSchema } : {}) }),
};
