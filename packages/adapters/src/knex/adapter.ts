/**
 * The knex adapter: detect, project, open and generate behind the common interface. Every part is
 * imported when used, so loading the registry (and `dbm --help`) loads neither knex nor tsx.
 */
import type { OrmAdapter } from '../orm-adapter.js';

/** knex behind {@link OrmAdapter}. */
export const knexAdapter: OrmAdapter = {
  orm: 'knex',
  detect: async (root) => (await import('./detect.js')).detectKnex(root),
  project: async (root, evidence) => (await import('./detect.js')).describeKnexProject(root, evidence),
  open: async (project) => (await import('./project-open.js')).openKnexProject(project),
  generate: async (project, options) => (await import('./generate.js')).generateKnex(project, options),
};
