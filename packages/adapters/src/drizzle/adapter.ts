/** The drizzle adapter: detect, project, open and generate behind the common interface. (Being written.) */
import type { OrmAdapter } from '../orm-adapter.js';
import { openMigrations } from '../open.js';

/** drizzle behind {@link OrmAdapter}. */
export const drizzleAdapter: OrmAdapter = {
  orm: 'drizzle',
  detect: async () => undefined,
  project: async () => {
    throw new Error('drizzle project description is not written yet: pass --orm drizzle --dir <migrations folder>');
  },
  open: (project) => openMigrations({ orm: 'drizzle', dir: project.migrationsDir, ...(project.ledgerTable ? { table: project.ledgerTable } : {}), ...(project.ledgerSchema ? { schema: project.ledgerSchema } : {}) }),
  generate: async () => {
    throw new Error('dbm generate for drizzle is not written yet');
  },
};
