/**
 * Helpers for the knex example's end-to-end test: a copy of examples/knex-postgres per scenario (its
 * node_modules linked, not copied), a fresh database for it, and runs of the built dbm and of knex's own CLI
 * in that copy, with the environment a user would have.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import type pg from 'pg';
import { ADMIN_URL, connect, urlOf } from '../support/pg.js';
import { show, type Run } from '../support/run.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const example = join(root, 'examples', 'knex-postgres');
const bin = join(root, 'packages', 'cli', 'bin', 'dbm.js');

export { ADMIN_URL, connect, urlOf, show, type Run };


async function admin(sql: string): Promise<void> {
  const c = await connect(ADMIN_URL);
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A copy of the example and an empty database for it; `cleanup` removes both. */
export interface Scenario {
  readonly dir: string;
  readonly database: string;
  readonly url: string;
  /** Runs dbm in the copy with DATABASE_URL set to the scenario's database (or as `env` says). */
  dbm(args: readonly string[], env?: Record<string, string | undefined>): Promise<Run>;
  /** Runs knex's own CLI in the copy. */
  knex(args: readonly string[]): Promise<Run>;
  /** Queries the scenario's database. */
  query<R extends pg.QueryResultRow = Record<string, unknown>>(sql: string): Promise<R[]>;
  /** The files of the copy's migrations folder. */
  migrations(): Promise<string[]>;
  cleanup(): Promise<void>;
}

async function run(cmd: string, args: readonly string[], cwd: string, env: Record<string, string | undefined>): Promise<Run> {
  // NODE_ENV unset, as in a user's shell (vitest sets it to "test"): knex and dbm pick "development"
  const r = await execa(cmd, [...args], { cwd, reject: false, timeout: 120_000, extendEnv: true, env: { NO_COLOR: '1', FORCE_COLOR: undefined, NODE_ENV: undefined, ...env } });
  return { code: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** Copies the example (without node_modules, which is linked) and creates its database. */
export async function scenario(prefix: string): Promise<Scenario> {
  if (!existsSync(join(root, 'packages', 'cli', 'dist', 'bin.js'))) {
    throw new Error('the dbm CLI is not built: run `npx tsc -b packages/core packages/adapters packages/cli` (or `pnpm test`)');
  }
  const dir = await mkdtemp(join(tmpdir(), `dbm-e2e-knex-${prefix}-`));
  await cp(example, dir, { recursive: true, filter: (src) => !src.startsWith(join(example, 'node_modules')) });
  await symlink(join(example, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const database = `dbm_e2e_knex_${prefix}_${process.pid}_${randomBytes(3).toString('hex')}`;
  await admin(`CREATE DATABASE "${database}"`);
  const url = urlOf(database);
  return {
    dir,
    database,
    url,
    dbm: (args, env = {}) => run(process.execPath, [bin, ...args], dir, { DATABASE_URL: url, ...env }),
    knex: (args) => run(process.execPath, [join(dir, 'node_modules', 'knex', 'bin', 'cli.js'), ...args], dir, { DATABASE_URL: url }),
    query: async (sql) => {
      const c = await connect(url);
      try {
        return (await c.query(sql)).rows;
      } finally {
        await c.end();
      }
    },
    migrations: async () => (await readdir(join(dir, 'migrations'))).sort(),
    cleanup: async () => {
      await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Every file of a directory tree (relative paths, node_modules left out), to show nothing was written. */
export async function tree(dir: string, base = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(join(dir, base), { withFileTypes: true })) {
    const rel = join(base, e.name);
    if (e.name === 'node_modules') continue;
    if (e.isDirectory()) out.push(...(await tree(dir, rel)));
    else out.push(rel);
  }
  return out.sort();
}
