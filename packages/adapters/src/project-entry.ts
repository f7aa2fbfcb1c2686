/**
 * `@dbm/adapters/project`: find the project in a package and open its migrations and ledger, without the
 * generators, writers, translators or workspace runners. What `dbm status` needs, and nothing more, so the
 * verb loads a small part of the adapters.
 */
export { DetectionError, detectAll, detectProject } from './detect.js';
export { adapterFor } from './registry.js';
export { MigrationFolderError } from './migration-folder-error.js';
export { readWorkspaceRoot } from './workspace/root.js';
export type { Project, Evidence, Dialect } from './orm-adapter.js';
export type { MigrationSet, OrmName } from './open.js';
