/** The Prisma adapter: detect, project, open and generate behind the common interface. (Being written.) */
import type { OrmAdapter } from '../orm-adapter.js';
import { openMigrations } from '../open.js';

/** Prisma behind {@link OrmAdapter}. */
export const prismaAdapter: OrmAdapter = {
  orm: 'prisma',
  detect: async () => undefined,
  project: async () => {
    throw new Error('Prisma project description is not written yet: pass --orm prisma --dir <migrations folder>');
  },
  open: (project) => openMigrations({ orm: 'prisma', dir: project.migrationsDir, ...(project.ledgerTable ? { table: project.ledgerTable } : {}), ...(project.ledgerSchema ? { schema: project.ledgerSchema } : {}) }),
  generate: async () => {
    throw new Error('dbm generate for Prisma is not written yet');
  },
};
