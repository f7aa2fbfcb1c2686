/**
 * The knex adapter: detect, project and open behind the common interface (its generator: generators.ts).
 * Detection and opening are imported with the registry (small modules every verb needs: importing them on
 * use cost a file load each, one after another); knex itself and tsx load only when used.
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
};
