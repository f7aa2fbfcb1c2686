/**
 * Test helpers for the drizzle adapter: a throwaway drizzle app on disk (files from a record), able
 * to import drizzle-orm, drizzle-kit and tsx through a link to this package's node_modules.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

/** The package's node_modules (drizzle-orm, drizzle-kit, tsx). */
export const ADAPTER_MODULES = join(here, '..', '..', 'node_modules');

/** The fixture app (drizzle.config.js, schema.js, drizzle/ with three migrations). */
export const FIXTURE_APP = join(here, 'testdata', 'app');

/** A package.json naming drizzle, as an app has. */
export const APP_PACKAGE = JSON.stringify({ name: 'app', type: 'module', dependencies: { 'drizzle-orm': '*' }, devDependencies: { 'drizzle-kit': '*' } });

/** A temporary app directory holding `files` (path → text), removed when the test ends. */
export async function appDir(files: Record<string, string>, options: { modules?: boolean; fixture?: boolean } = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'dbm-drizzle-app-'));
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  if (options.fixture) await cp(FIXTURE_APP, root, { recursive: true });
  if (options.modules ?? true) await symlink(ADAPTER_MODULES, join(root, 'node_modules'), 'dir');
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

/** Every file under `dir` (relative path → content), to prove nothing was written. */
export async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string, rel: string) => {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      if (e.name === 'node_modules') continue;
      const path = join(d, e.name);
      if (e.isDirectory()) await walk(path, join(rel, e.name));
      else out[join(rel, e.name)] = await readFile(path, 'utf8');
    }
  };
  if (await stat(dir).catch(() => undefined)) await walk(dir, '');
  return out;
}
