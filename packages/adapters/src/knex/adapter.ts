/** The knex adapter: detect, project, open and generate behind the common interface. (Being written.) */
import type { OrmAdapter } from '../orm-adapter.js';
import { openMigrations } from '../open.js';

/** knex behind {@link OrmAdapter}. */
export const knexAdapter: OrmAdapter = {
  orm: 'knex',
  detect: async () => undefined,
  project: async () => {
    throw new Error('knex project description is not written yet: pass --orm knex --dir <migrations folder>');
  },
  open: (project) => openMigrations({ orm: 'knex', dir: project.migrationsDir, ...(project.ledgerTable ? { table: project.ledgerTable } : {}), ...(project.ledgerSchema ? { schema: project.ledgerSchema } : {}) }),
  generate: async () => {
    throw new Error('dbm generate for knex is not written yet');
  },
};
