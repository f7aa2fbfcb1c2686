/**
 * The TypeORM adapter: detect, project and open behind the common interface (its generator: generators.ts).
 * Detection and opening the migrations are small modules imported with the registry; describing the
 * project is imported on use, so loading the registry (and `dbm --help`) never loads TypeORM or tsx.
 */
import type { OrmAdapter } from '../orm-adapter.js';
import { detectTypeOrm } from './detect.js';
import { open } from './open.js';

/** TypeORM behind {@link OrmAdapter}. */
export const typeormAdapter: OrmAdapter = {
  orm: 'typeorm',
  detect: detectTypeOrm,
  project: async (root, evidence) => (await import('./project.js')).describeTypeOrmProject(root, evidence),
  open: (project) =>
    open(
      {
        orm: 'typeorm',
        dir: project.migrationsDir,
        ...(project.ledgerTable ? { table: project.ledgerTable } : {}),
        ...(project.ledgerSchema ? { schema: project.ledgerSchema } : {}),
      },
      project.root,
    ),
};
