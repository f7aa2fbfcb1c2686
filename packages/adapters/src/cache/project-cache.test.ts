/**
 * Skipping detection on a cached project: the entry holds while every path detection looked at is as it
 * was, and any change to one of them (a new config file, a dependency, a source file that now builds a
 * DataSource) sends the next run through detection again.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectProject } from '../detect.js';
import { knownProject } from './project-cache.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A knex package (flat knexfile, no env read) with a src/ tree that TypeORM's detector walks. */
function knexPackage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dbm-known-project-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'shop', dependencies: { knex: '3.3.0', pg: '8' } }));
  writeFileSync(join(dir, 'knexfile.cjs'), "module.exports = { client: 'pg', migrations: { directory: './migrations' } };\n");
  mkdirSync(join(dir, 'migrations'));
  mkdirSync(join(dir, 'src', 'db'), { recursive: true });
  writeFileSync(join(dir, 'src', 'db', 'pool.ts'), 'export const pool = 1;\n');
  // the cache lives in node_modules/.cache/dbm
  mkdirSync(join(dir, 'node_modules'));
  return dir;
}

// mtimes are compared exactly: move a changed file's clock on, as a later edit would
const later = (path: string) => utimesSync(path, new Date(), new Date(Date.now() + 5_000));

describe('knownProject', () => {
  it('answers without detection after a first detection, for the same choice of ORM only', async () => {
    const dir = knexPackage();
    expect(knownProject(dir, undefined)).toBeUndefined();
    const detected = await detectProject(dir);
    expect(detected.orm).toBe('knex');
    expect(knownProject(dir, undefined)).toEqual(detected);
    // asked with --orm, the entry made without it does not answer
    expect(knownProject(dir, 'knex')).toBeUndefined();
    await detectProject(dir, 'knex');
    expect(knownProject(dir, 'knex')?.orm).toBe('knex');
    expect(knownProject(dir, undefined)).toBeUndefined();
  });

  it('a config file of another ORM appearing sends the next run through detection, which names both', async () => {
    const dir = knexPackage();
    await detectProject(dir);
    writeFileSync(join(dir, 'drizzle.config.ts'), 'export default {};\n');
    expect(knownProject(dir, undefined)).toBeUndefined();
    await expect(detectProject(dir)).rejects.toThrow(/more than one ORM/);
  });

  it('a dependency added to package.json is noticed', async () => {
    const dir = knexPackage();
    await detectProject(dir);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'shop', dependencies: { knex: '3.3.0', pg: '8', typeorm: '0.3' } }));
    later(join(dir, 'package.json'));
    expect(knownProject(dir, undefined)).toBeUndefined();
  });

  it('a source file under src/ that now builds a DataSource is noticed (TypeORM detection read it)', async () => {
    const dir = knexPackage();
    await detectProject(dir);
    const file = join(dir, 'src', 'db', 'pool.ts');
    writeFileSync(file, "import { DataSource } from 'typeorm';\nexport const ds = new DataSource({ type: 'postgres' });\n");
    later(file);
    expect(knownProject(dir, undefined)).toBeUndefined();
    await expect(detectProject(dir)).rejects.toThrow(/more than one ORM/);
  });

  it('a new file deep in src/ is noticed through its folder', async () => {
    const dir = knexPackage();
    await detectProject(dir);
    writeFileSync(join(dir, 'src', 'db', 'source.ts'), "export const ds = new DataSource({ type: 'postgres' });\n");
    expect(knownProject(dir, undefined)).toBeUndefined();
  });
});
