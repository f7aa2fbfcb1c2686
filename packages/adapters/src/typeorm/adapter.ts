/** The TypeORM adapter: detect, project, open and generate behind the common interface. (Being written.) */
import type { OrmAdapter } from '../orm-adapter.js';
import { openMigrations } from '../open.js';

/** TypeORM behind {@link OrmAdapter}. */
export const typeormAdapter: OrmAdapter = {
  orm: 'typeorm',
  detect: async () => undefined,
  project: async () => {
    throw new Error('TypeORM project description is not written yet: pass --orm typeorm --dir <migrations folder>');
  },
  open: (project) => openMigrations({ orm: 'typeorm', dir: project.migrationsDir, ...(project.ledgerTable ? { table: project.ledgerTable } : {}), ...(project.ledgerSchema ? { schema: project.ledgerSchema } : {}) }),
  generate: async () => {
    throw new Error('dbm generate for TypeORM is not written yet');
  },
};
