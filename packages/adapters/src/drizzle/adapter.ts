/**
 * The drizzle adapter: detect (package.json, drizzle.config.*, a journal; imported with the registry), project
 * (from the config, loaded as drizzle-kit loads it) and open (journal, files and `__drizzle_migrations`). The
 * ORM's code loads only when a verb needs it; its generator is in generators.ts.
 */
import type { OrmAdapter } from '../orm-adapter.js';
import { detectDrizzle } from './detect.js';
import { openMigrations } from '../open.js';

/** drizzle behind {@link OrmAdapter}. */
export const drizzleAdapter: OrmAdapter = {
  orm: 'drizzle',
  detect: detectDrizzle,
  project: async (root, evidence) => (await import('./project.js')).drizzleProject(root, evidence),
  open: (project) =>
    openMigrations({
      orm: 'drizzle',
      dir: project.migrationsDir,
      ...(project.ledgerTable ? { table: project.ledgerTable } : {}),
      ...(project.ledgerSchema ? { schema: project.ledgerSchema } : {}),
    }),
};
