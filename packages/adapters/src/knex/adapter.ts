/**
 * The knex adapter: detect, project, open and generate behind the common interface. Detection and opening
 * are imported with the registry (small modules every verb needs: importing them on use cost a file load
 * each, one after another); knex itself, tsx and the generator load only when used.
 */
import type { OrmAdapter } from '../orm-adapter.js';
import { describeKnexProject, detectKnex } from './detect.js';
import { openKnexProject } from './project-open.js';

/** knex behind {@link OrmAdapter}. */
export const knexAdapter: OrmAdapter = {
  orm: 'knex',
  detect: detectKnex,
  project: describeKnexProject,
  open: openKnexProject,
  generate: async (project, options) => (await import('./generate.js')).generateKnex(project, options),
};
