/**
 * Workspace discovery on real folders: pnpm-workspace.yaml, npm's and yarn's package.json `workspaces`,
 * nested packages, exclusions and node_modules; the dependency order and its cycle error.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { discoverWorkspace } from './discover.js';
import { dependencyOrder } from './graph.js';
import { findWorkspaceRoot, readWorkspaceRoot } from './root.js';

/** A temporary folder holding `files` (path → content; objects are written as JSON). */
async function tree(files: Record<string, string | object>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'dbm-ws-'));
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return root;
}

const pkg = (name: string, deps: Record<string, string> = {}) => ({ name, dependencies: deps });

describe('workspace roots', () => {
  it('pnpm-workspace.yaml with packages is a root; found from a package folder below it', async () => {
    const root = await tree({
      'pnpm-workspace.yaml': "packages:\n  - 'apps/*'\n  - services/*\n",
      'package.json': { name: 'root' },
      'apps/api/package.json': pkg('api'),
    });
    expect(await readWorkspaceRoot(root)).toEqual({ root, source: 'pnpm-workspace.yaml', patterns: ['apps/*', 'services/*'] });
    expect((await findWorkspaceRoot(join(root, 'apps', 'api')))?.root).toBe(root);
  });

  it('a pnpm-workspace.yaml holding only settings is not a workspace', async () => {
    const root = await tree({ 'pnpm-workspace.yaml': 'allowBuilds:\n  esbuild: true\n', 'package.json': { name: 'one' } });
    expect(await readWorkspaceRoot(root)).toBeUndefined();
  });

  it('package.json workspaces: the npm array and the yarn { packages } form', async () => {
    const npm = await tree({ 'package.json': { name: 'r', workspaces: ['packages/*'] } });
    const yarn = await tree({ 'package.json': { name: 'r', workspaces: { packages: ['libs/*'], nohoist: ['**/x'] } } });
    expect(await readWorkspaceRoot(npm)).toMatchObject({ source: 'package.json', patterns: ['packages/*'] });
    expect(await readWorkspaceRoot(yarn)).toMatchObject({ source: 'package.json', patterns: ['libs/*'] });
  });

  it('a malformed workspace file is an error naming it', async () => {
    const bad = await tree({ 'pnpm-workspace.yaml': 'packages: apps/*\n' });
    await expect(readWorkspaceRoot(bad)).rejects.toThrow(/"packages" in .*pnpm-workspace\.yaml must be a list/);
    const broken = await tree({ 'pnpm-workspace.yaml': 'packages: [\n' });
    await expect(readWorkspaceRoot(broken)).rejects.toThrow(/cannot parse .*pnpm-workspace\.yaml/);
  });
});

describe('discoverWorkspace', () => {
  it('lists matched packages by name and path, reaches nested ones with **, skips node_modules and ! exclusions', async () => {
    const root = await tree({
      'pnpm-workspace.yaml': "packages:\n  - 'apps/*'\n  - 'libs/**'\n  - '!libs/**/fixtures/**'\n",
      'apps/api/package.json': pkg('@shop/api', { '@shop/db': 'workspace:*', knex: '3.3.0' }),
      'apps/api/node_modules/dep/package.json': pkg('dep'),
      'apps/notes.md': '# not a package',
      'libs/db/package.json': pkg('@shop/db'),
      'libs/nested/deep/package.json': { version: '1.0.0' },
      'libs/db/fixtures/sample/package.json': pkg('sample'),
    });
    const ws = await discoverWorkspace((await readWorkspaceRoot(root))!);
    expect(ws.packages.map((p) => [p.name, p.path, p.dependsOn])).toEqual([
      ['@shop/api', 'apps/api', ['@shop/db']],
      ['@shop/db', 'libs/db', []],
      ['libs/nested/deep', 'libs/nested/deep', []],
    ]);
    expect(ws.packages[0]!.dir).toBe(join(root, 'apps', 'api'));
  });

  it('`!dir` leaves out that package, not a nested workspace’s packages below it (the dbm repo and its monorepo example)', async () => {
    const root = await tree({
      'pnpm-workspace.yaml': "packages:\n  - 'examples/*'\n  - '!examples/mono'\n  - 'examples/mono/*/*'\n",
      'examples/one/package.json': pkg('one'),
      'examples/mono/package.json': pkg('mono-root'),
      'examples/mono/pnpm-workspace.yaml': "packages:\n  - 'apps/*'\n",
      'examples/mono/apps/api/package.json': pkg('mono-api'),
    });
    const ws = await discoverWorkspace((await readWorkspaceRoot(root))!);
    expect(ws.packages.map((p) => p.name)).toEqual(['mono-api', 'one']);
    const nested = await findWorkspaceRoot(join(root, 'examples', 'mono', 'apps', 'api'));
    expect(nested?.root).toBe(join(root, 'examples', 'mono'));
  });

  it('a dependency on a workspace name counts with any version spec, not only workspace:', async () => {
    const root = await tree({
      'package.json': { workspaces: ['p/*'] },
      'p/a/package.json': { name: 'a', devDependencies: { b: '^1.0.0' }, peerDependencies: { c: '*' } },
      'p/b/package.json': pkg('b'),
      'p/c/package.json': pkg('c'),
    });
    const ws = await discoverWorkspace((await readWorkspaceRoot(root))!);
    expect(ws.packages.find((p) => p.name === 'a')!.dependsOn).toEqual(['b', 'c']);
  });

  it('two packages of one name are an error naming both folders', async () => {
    const root = await tree({ 'package.json': { workspaces: ['x/*'] }, 'x/one/package.json': pkg('same'), 'x/two/package.json': pkg('same') });
    await expect(discoverWorkspace((await readWorkspaceRoot(root))!)).rejects.toThrow('two workspace packages are named "same": x/one and x/two');
  });
});

describe('dependencyOrder', () => {
  const p = (name: string, dependsOn: string[] = []) => ({ name, dir: `/w/${name}`, path: name, dependsOn });

  it('puts every package after its dependencies; ties in path order', () => {
    const order = dependencyOrder([p('api', ['billing', 'shared']), p('billing', ['legacy']), p('legacy'), p('shared'), p('analytics', ['shared'])]);
    expect(order.map((x) => x.name)).toEqual(['legacy', 'shared', 'analytics', 'billing', 'api']);
  });

  it('ignores dependencies outside the list (a --filter subset)', () => {
    expect(dependencyOrder([p('api', ['billing']), p('web', ['api'])]).map((x) => x.name)).toEqual(['api', 'web']);
  });

  it('a cycle is an error naming it', () => {
    expect(() => dependencyOrder([p('a', ['b']), p('b', ['c']), p('c', ['a']), p('d')])).toThrow('the workspace dependencies form a cycle: a → b → c → a');
  });
});
