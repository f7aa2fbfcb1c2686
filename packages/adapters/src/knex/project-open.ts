/**
 * A detected knex project's migrations and ledger, read with all of the knexfile's migration settings
 * (every directory, loadExtensions, sortDirsSeparately, disableTransactions), not only the one folder
 * a Project names.
 */
import type { MigrationSet } from '../open.js';
import type { Project } from '../orm-adapter.js';
import { loadKnexfile } from './knexfile.js';
import { KnexLedger } from './ledger.js';
import type { KnexMigrationOptions } from './options.js';
import { readKnexMigrations } from './read.js';
import { knexSettings, type KnexSettings } from './settings.js';

/** The migration options for a project: its knexfile's, unless --dir chose another folder. */
export async function projectOptions(project: Project): Promise<KnexMigrationOptions> {
  const own: KnexMigrationOptions = {
    directory: project.migrationsDir,
    ...(project.ledgerTable ? { tableName: project.ledgerTable } : {}),
    ...(project.ledgerSchema ? { schemaName: project.ledgerSchema } : {}),
  };
  if (!project.configPath) return own;
  // described projects carry the knexfile's settings; others (an older cache, a hand-made Project) load it
  const settings = (project.settings as KnexSettings | undefined) ?? knexSettings((await loadKnexfile(project.configPath)).config, project.configPath);
  const { directories: _directories, extension: _extension, ...options } = settings;
  // the project names the last directory (where knex writes new files); any other was chosen with --dir
  const detected = settings.directories[settings.directories.length - 1] === project.migrationsDir;
  return { ...options, ...own, ...(detected ? { directory: settings.directories } : {}) };
}

/** Opens the migrations and knex's ledger of a detected project. */
export async function openKnexProject(project: Project): Promise<MigrationSet> {
  const options = await projectOptions(project);
  return { orm: 'knex', dir: project.migrationsDir, sources: await readKnexMigrations(options), ledger: new KnexLedger(options) };
}
