/**
 * The cached project description, through the real CLI: a second run answers from the cache, and every
 * change the description depends on is noticed — the config file, a module it imports, an environment
 * variable it reads, a new config file beside it. The cache never holds a secret from the environment.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dbm, testdir } from './cli.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A knex package whose knexfile takes its migrations folder from an imported module and NODE_ENV. */
function knexPackage(): string {
  const dir = testdir({
    'package.json': JSON.stringify({ name: 'cached', dependencies: { knex: '3.3.0', pg: '8' } }),
    'knexfile.js': [
      "const { folder } = require('./config/db-settings.js');",
      'module.exports = {',
      "  development: { client: 'pg', connection: process.env.DATABASE_URL, migrations: { directory: `./${folder}` } },",
      "  production: { client: 'pg', connection: process.env.DATABASE_URL, migrations: { directory: `./${folder}-prod` } },",
      '};',
      '',
    ].join('\n'),
  });
  // outside the package folder's top level, so only the record of what the knexfile imported covers it
  mkdirSync(join(dir, 'config'));
  writeFileSync(join(dir, 'config', 'db-settings.js'), "module.exports = { folder: 'migrations' };\n");
  // the cache lives in node_modules/.cache/dbm, and only where node_modules exists
  mkdirSync(join(dir, 'node_modules'));
  dirs.push(dir);
  return dir;
}

/** The package's cache entry (one file per package folder, named by a hash of its path). */
function cacheFile(dir: string): string {
  const folder = join(dir, 'node_modules', '.cache', 'dbm');
  const name = existsSync(folder) ? readdirSync(folder).find((f) => f.startsWith('project-') && f.endsWith('.json')) : undefined;
  return join(folder, name ?? 'project-none.json');
}
const ENV = { DATABASE_URL: 'postgres://app:sekret-pw@127.0.0.1:5432/app', NODE_ENV: 'development' };

async function migrationsDir(dir: string, env: Record<string, string> = ENV): Promise<string> {
  const r = await dbm(['detect', '--json'], dir, env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { migrationsDir: string }).migrationsDir;
}

describe('the detection cache', () => {
  it('answers from the cache, and notices edits to the config, its imports and the variables it reads', async () => {
    const dir = knexPackage();
    expect(await migrationsDir(dir)).toBe(join(dir, 'migrations'));
    expect(existsSync(cacheFile(dir))).toBe(true);
    const cached = readFileSync(cacheFile(dir), 'utf8');
    // the URL came from the environment: only a fingerprint of it is kept, never the password
    expect(cached).not.toContain('sekret-pw');
    expect(cached).toContain('"NODE_ENV"');

    // a hit: the entry is not rewritten
    const before = readFileSync(cacheFile(dir), 'utf8');
    expect(await migrationsDir(dir)).toBe(join(dir, 'migrations'));
    expect(readFileSync(cacheFile(dir), 'utf8')).toBe(before);

    // a module the knexfile imports changes
    writeFileSync(join(dir, 'config', 'db-settings.js'), "module.exports = { folder: 'db/migrations' };\n");
    expect(await migrationsDir(dir)).toBe(join(dir, 'db', 'migrations'));

    // a variable the knexfile reads changes
    expect(await migrationsDir(dir, { ...ENV, NODE_ENV: 'production' })).toBe(join(dir, 'db', 'migrations-prod'));
    expect(await migrationsDir(dir)).toBe(join(dir, 'db', 'migrations'));

    // the knexfile itself changes
    writeFileSync(join(dir, 'knexfile.js'), "module.exports = { client: 'pg', connection: process.env.DATABASE_URL, migrations: { directory: './sql' } };\n");
    expect(await migrationsDir(dir)).toBe(join(dir, 'sql'));
  });

  it('notices a second ORM appearing beside the first', async () => {
    const dir = knexPackage();
    expect(await migrationsDir(dir)).toBe(join(dir, 'migrations'));
    writeFileSync(join(dir, 'drizzle.config.ts'), "export default { dialect: 'postgresql', schema: './schema.ts', out: './drizzle' };\n");
    const r = await dbm(['detect', '--json'], dir, ENV);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/more than one ORM/);
  });

  it('keeps packages that share one node_modules apart', async () => {
    const first = knexPackage();
    const second = knexPackage();
    // the second package's node_modules is the first's (a symlink, as a hoisted workspace or a test copy has)
    rmSync(join(second, 'node_modules'), { recursive: true });
    symlinkSync(join(first, 'node_modules'), join(second, 'node_modules'), 'dir');
    expect(await migrationsDir(first)).toBe(join(first, 'migrations'));
    expect(await migrationsDir(second)).toBe(join(second, 'migrations'));
    expect(await migrationsDir(first)).toBe(join(first, 'migrations'));
    expect(readdirSync(join(first, 'node_modules', '.cache', 'dbm')).filter((f) => f.startsWith('project-'))).toHaveLength(2);
  });

  it('writes nothing with DBM_CACHE=0', async () => {
    const dir = knexPackage();
    expect(await migrationsDir(dir, { ...ENV, DBM_CACHE: '0' })).toBe(join(dir, 'migrations'));
    expect(existsSync(cacheFile(dir))).toBe(false);
  });
});
