import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from './errors.js';
import { loadConfig } from './load.js';
import { tempTree, type TempTree } from './config.testkit.js';

let tree: TempTree | undefined;
afterEach(() => tree?.cleanup());

/** Loads the config of `pkg` below a fresh tree; the error when it fails. */
async function load(files: Record<string, string | object>, pkg = '.') {
  tree?.cleanup();
  tree = tempTree(files);
  return loadConfig(tree.path(pkg));
}

async function failure(files: Record<string, string | object>, pkg = '.'): Promise<ConfigError> {
  const e = await load(files, pkg).then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(ConfigError);
  return e as ConfigError;
}

describe('loadConfig: file formats', () => {
  it('loads a TypeScript config with types, satisfies and an enum, with no global loader', async () => {
    const ts = `
      interface Partial { lockTimeout: string }
      enum Version { Current = 16 }
      const base: Partial = { lockTimeout: '2s' };
      export default { ...base, pgVersion: Version.Current, migrationsDir: 'db/migrations', rules: { DBM101: 'off' } } satisfies Record<string, unknown>;
    `;
    const c = await load({ 'package.json': { name: 'app' }, 'dbm.config.ts': ts });
    expect(c.layers).toHaveLength(1);
    const [layer] = c.layers;
    expect(layer).toMatchObject({ file: tree!.path('dbm.config.ts'), lockTimeout: '2s', pgVersion: 16, migrationsDir: tree!.path('db/migrations') });
    // the code becomes the rule's id, the key lint works with
    expect(layer!.rules).toEqual({ 'require-concurrent-index-creation': 'off' });
  });

  it('loads .mts, .js (ESM package), .mjs, .cjs, .json and package.json "dbm"', async () => {
    const cases: [string, Record<string, string | object>][] = [
      ['dbm.config.mts', { 'dbm.config.mts': 'const r: number = 3;\nexport default { retries: r };' }],
      ['dbm.config.js', { 'package.json': { type: 'module' }, 'dbm.config.js': 'export default { retries: 3 };' }],
      ['dbm.config.mjs', { 'dbm.config.mjs': 'export default { retries: 3 };' }],
      ['dbm.config.cjs', { 'dbm.config.cjs': 'module.exports = { retries: 3 };' }],
      ['dbm.config.json', { 'dbm.config.json': '{ "retries": 3 }' }],
      ['package.json', { 'package.json': { name: 'app', dbm: { retries: 3 } } }],
    ];
    for (const [file, files] of cases) {
      const c = await load(files);
      expect(c.layers.map((l) => [l.file, l.retries])).toEqual([[tree!.path(file), 3]]);
    }
  });

  it('loads nothing, and finds nothing, when there is no config', async () => {
    const c = await load({ 'package.json': { name: 'app', dependencies: { knex: '3' } } });
    expect(c).toEqual({ packageDir: tree!.dir, root: tree!.dir, layers: [] });
  });

  it('refuses two sources in one directory, naming both', async () => {
    const e = await failure({ 'package.json': { dbm: { retries: 1 } }, 'dbm.config.json': '{}' });
    expect(e.message).toContain(tree!.path('dbm.config.json'));
    expect(e.message).toContain(`the "dbm" key of ${tree!.path('package.json')}`);
    const two = await failure({ 'dbm.config.ts': 'export default {}', 'dbm.config.mjs': 'export default {}' });
    expect(two.message).toMatch(/dbm\.config\.ts and .*dbm\.config\.mjs/);
  });

  it('names the file when it has no default export, does not compile, throws, or is empty JSON', async () => {
    expect((await failure({ 'dbm.config.ts': 'export const retries = 3;' })).message).toMatch(/dbm\.config\.ts exports no settings: give it a default export/);
    const syntax = await failure({ 'dbm.config.ts': 'export default { retries: ' });
    expect(syntax.message).toContain(`cannot load ${tree!.path('dbm.config.ts')}`);
    expect((await failure({ 'dbm.config.mjs': 'throw new Error("no config today")' })).message).toContain('no config today');
    expect((await failure({ 'dbm.config.json': '' })).message).toContain('dbm.config.json is empty');
    expect((await failure({ 'package.json': '{ "name": ' })).message).toContain(`cannot read ${tree!.path('package.json')}`);
  });
});

describe('loadConfig: workspace root and package', () => {
  const pnpmRoot = {
    'pnpm-workspace.yaml': 'packages:\n  - apps/*\n',
    'package.json': { name: 'root', private: true },
    'dbm.config.ts': "export default { lockTimeout: '1s', packages: ['apps/*'] };",
    'apps/api/package.json': { name: 'api', dbm: { retries: 2 } },
  };

  it('reads the pnpm root config, then the package config', async () => {
    const c = await load(pnpmRoot, 'apps/api');
    expect(c.root).toBe(tree!.dir);
    expect(c.packageDir).toBe(tree!.path('apps/api'));
    expect(c.layers.map((l) => l.file)).toEqual([tree!.path('dbm.config.ts'), tree!.path('apps/api/package.json')]);
  });

  it('finds an npm/yarn root by package.json workspaces', async () => {
    const c = await load({ 'package.json': { workspaces: ['packages/*'], dbm: { pgVersion: 17 } }, 'packages/a/package.json': { name: 'a' } }, 'packages/a');
    expect(c.root).toBe(tree!.dir);
    expect(c.layers.map((l) => l.pgVersion)).toEqual([17]);
  });

  it('does not take a settings-only pnpm-workspace.yaml for a workspace root', async () => {
    const c = await load({ 'pnpm-workspace.yaml': 'allowBuilds:\n  esbuild: true\n', 'dbm.config.json': '{ "retries": 1 }', 'app/package.json': { name: 'app' } }, 'app');
    expect(c.root).toBe(tree!.path('app'));
    expect(c.layers).toEqual([]);
  });

  it('refuses packages / ignore in a package config, pointing at the root', async () => {
    const e = await failure({ ...pnpmRoot, 'apps/api/package.json': { name: 'api', dbm: { ignore: ['apps/old'] } } }, 'apps/api');
    expect(e.message).toContain(`ignore in ${tree!.path('apps/api/package.json')}`);
    expect(e.message).toContain(`workspace root's config only (${tree!.dir})`);
  });

  it('makes migrationsDir relative to the file that sets it', async () => {
    const c = await load({ ...pnpmRoot, 'dbm.config.ts': "export default { migrationsDir: 'db' }", 'apps/api/dbm.config.json': '{ "migrationsDir": "sql" }', 'apps/api/package.json': { name: 'api' } }, 'apps/api');
    expect(c.layers.map((l) => l.migrationsDir)).toEqual([tree!.path('db'), tree!.path('apps/api/sql')]);
  });
});
