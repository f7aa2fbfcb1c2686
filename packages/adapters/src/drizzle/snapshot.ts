/**
 * drizzle-kit's snapshots: `meta/<prefix>_snapshot.json`, one per migration, each the whole schema
 * after it, chained by `prevId` → the previous one's `id`. The previous snapshot is the last file in
 * `meta/` by name (not starting with `_`), as drizzle-kit picks it; an empty one before the first.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { DrizzleProjectError } from './errors.js';
import type { PgSnapshot } from './kit-api.js';

/** The id drizzle-kit gives the empty schema before the first migration. */
export const ORIGIN_UUID = '00000000-0000-0000-0000-000000000000';

/** drizzle-kit's empty PostgreSQL snapshot (its `dryPg`). */
export function emptyPgSnapshot(): PgSnapshot {
  return {
    version: '7',
    dialect: 'postgresql',
    id: ORIGIN_UUID,
    prevId: '',
    tables: {},
    enums: {},
    schemas: {},
    policies: {},
    roles: {},
    sequences: {},
    views: {},
    _meta: { schemas: {}, tables: {}, columns: {} },
  };
}

/** The snapshot the next migration is diffed from. */
export async function previousSnapshot(migrationsDir: string): Promise<{ snapshot: PgSnapshot; path?: string }> {
  const meta = join(migrationsDir, 'meta');
  const files = (await readdir(meta).catch(() => [] as string[])).filter((f) => !f.startsWith('_') && f.endsWith('.json')).sort();
  const last = files[files.length - 1];
  if (!last) return { snapshot: emptyPgSnapshot() };
  const path = join(meta, last);
  const where = relative(process.cwd(), path) || path;
  let snapshot: PgSnapshot;
  try {
    snapshot = JSON.parse(await readFile(path, 'utf8')) as PgSnapshot;
  } catch (e) {
    throw new DrizzleProjectError(`cannot read the drizzle snapshot ${where}: ${(e as Error).message}`, path);
  }
  if (snapshot.dialect !== 'postgresql') throw new DrizzleProjectError(`${where} is a ${String(snapshot.dialect)} snapshot: dbm generate writes PostgreSQL migrations only`, path);
  if (snapshot.version !== '7') {
    throw new DrizzleProjectError(`${where} is a version ${String(snapshot.version)} snapshot: run drizzle-kit up to upgrade the snapshots, then dbm generate again`, path);
  }
  return { snapshot, path };
}

/** A snapshot laid out as drizzle-kit saves it: id and prevId first, then the schema, then `_meta`. */
export function snapshotFileText(snapshot: PgSnapshot): string {
  const { id, prevId, _meta: _, ...schema } = snapshot;
  // no renames are recorded: dbm generates every rename as a new object and a dropped one
  const file = { id, prevId, ...schema, _meta: { columns: {}, schemas: {}, tables: {} } };
  return JSON.stringify(file, null, 2);
}
