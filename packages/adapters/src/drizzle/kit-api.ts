/**
 * drizzle-kit's programmatic generator (`drizzle-kit/api`): the project's own copy, so the migration is
 * the one its drizzle-kit version would write; dbm's copy only when the project has none.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DrizzleProjectError } from './errors.js';

/** A PostgreSQL snapshot (`meta/<prefix>_snapshot.json`), as drizzle-kit's api reads and writes it. */
export type PgSnapshot = Record<string, unknown> & { id: string; prevId: string; version: string; dialect: string };

/** The part of `drizzle-kit/api` dbm calls. */
export interface DrizzleKitApi {
  generateDrizzleJson(imports: Record<string, unknown>, prevId?: string, schemaFilters?: string[], casing?: 'snake_case' | 'camelCase'): PgSnapshot;
  generateMigration(prev: PgSnapshot, cur: PgSnapshot): Promise<string[]>;
}

function resolveFrom(base: string): string | undefined {
  try {
    return createRequire(base).resolve('drizzle-kit/api');
  } catch {
    return undefined;
  }
}

/** Loads drizzle-kit/api, resolved from the project first. */
export async function loadDrizzleKitApi(root: string): Promise<DrizzleKitApi> {
  const path = resolveFrom(join(root, 'package.json')) ?? resolveFrom(import.meta.url);
  if (!path) throw new DrizzleProjectError(`drizzle-kit is not installed in ${root}: install it (npm i -D drizzle-kit), dbm generates through its api`);
  const api = (await import(pathToFileURL(path).href)) as Partial<DrizzleKitApi> & { default?: Partial<DrizzleKitApi> };
  const fns = api.generateMigration ? api : api.default;
  if (typeof fns?.generateMigration !== 'function' || typeof fns.generateDrizzleJson !== 'function') {
    throw new DrizzleProjectError(`${path} has no generateDrizzleJson/generateMigration: dbm needs drizzle-kit 0.22 or newer`);
  }
  return fns as DrizzleKitApi;
}
