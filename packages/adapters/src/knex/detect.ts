/**
 * knex in a package: evidence from package.json (a `knex` dependency) and a knexfile; the project from
 * the knexfile's chosen environment (client → dialect, connection → URL source, migrations block).
 */
import path from 'node:path';
import { textOrUndefined } from '../code/probe.js';
import { DetectionError } from '../detection-error.js';
import type { Dialect, Evidence, Project } from '../orm-adapter.js';
import { dialectOfClient, dialectOfDrivers } from './client.js';
import { urlSource } from './connection.js';
import { findKnexfile, loadKnexfile } from './knexfile.js';
import { knexSettings } from './settings.js';

/** Every dependency name of the package.json in `root` (none when it is missing or unreadable). */
export function dependencies(root: string): string[] {
  try {
    const pkg = JSON.parse(textOrUndefined(path.join(root, 'package.json')) ?? '') as Record<string, unknown>;
    const names = new Set<string>();
    for (const key of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
      const deps = pkg[key];
      if (deps && typeof deps === 'object') for (const name of Object.keys(deps)) names.add(name);
    }
    return [...names];
  } catch {
    return [];
  }
}

/** Signs of knex in `root`: a knex dependency and/or a knexfile. */
export async function detectKnex(root: string): Promise<Evidence | undefined> {
  const reasons: string[] = [];
  if (dependencies(root).includes('knex')) reasons.push('package.json depends on knex');
  const knexfile = findKnexfile(root);
  if (knexfile) reasons.push(path.basename(knexfile));
  return reasons.length ? { orm: 'knex', reasons } : undefined;
}

function dialectOf(client: unknown, file: string, deps: readonly string[]): { dialect: Dialect; evidence: string } {
  if (typeof client === 'string') {
    const dialect = dialectOfClient(client);
    if (!dialect) {
      throw new DetectionError(`the knexfile ${file} uses client "${client}", which dbm does not support: use pg, mysql2 or sqlite3`, []);
    }
    return { dialect, evidence: `client ${client}` };
  }
  const fromDrivers = dialectOfDrivers(deps);
  if (fromDrivers) return { dialect: fromDrivers, evidence: `no client named: ${fromDrivers} from the package's database driver` };
  throw new DetectionError(`the knexfile ${file} names no client: set client: 'pg' (or mysql2, sqlite3)`, []);
}

/** The knex project in `root`: from its knexfile, or knex's defaults when it has none. */
export async function describeKnexProject(root: string, evidence: Evidence): Promise<Project> {
  const deps = dependencies(root);
  const file = findKnexfile(root);
  if (!file) {
    const dialect = dialectOfDrivers(deps) ?? 'postgresql';
    return {
      orm: 'knex',
      dialect,
      root,
      migrationsDir: path.join(root, 'migrations'),
      url: { env: 'DATABASE_URL' },
      evidence: [...evidence.reasons, "no knexfile: knex's defaults (./migrations, knex_migrations)", 'database from DATABASE_URL'],
    };
  }
  const knexfile = await loadKnexfile(file);
  const { dialect, evidence: clientEvidence } = dialectOf(knexfile.config.client, file, deps);
  const settings = knexSettings(knexfile.config, file);
  const url = urlSource(knexfile.config.connection, knexfile.source, knexfile.environment);
  const where = `${path.basename(file)}${knexfile.environment ? ` (environment ${knexfile.environment})` : ''}`;
  return {
    orm: 'knex',
    dialect,
    root,
    // knex writes new migrations into the last directory; open() reads them all from the knexfile again
    migrationsDir: settings.directories[settings.directories.length - 1]!,
    configPath: file,
    url: url.url,
    ...(settings.tableName ? { ledgerTable: settings.tableName } : {}),
    ...(settings.schemaName ? { ledgerSchema: settings.schemaName } : {}),
    evidence: [...evidence.reasons.filter((r) => r !== path.basename(file)), `${where}: ${clientEvidence}`, url.evidence],
    settings: { ...settings },
  };
}
