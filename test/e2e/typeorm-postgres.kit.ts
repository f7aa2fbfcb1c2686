/**
 * The typeorm-postgres example as the end-to-end tests use it: a copy in a temporary folder (its
 * node_modules linked), a database of its own on the real PostgreSQL server, and runs of the built dbm
 * CLI and of TypeORM's own CLI in that copy. The server comes from DBM_TEST_PG_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres); an unreachable server fails the tests, never skips them.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import type pg from 'pg';
import { ADMIN_URL, connect, urlOf } from '../support/pg.js';
import { show, type Run } from '../support/run.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const example = join(repo, 'examples', 'typeorm-postgres');
const bin = join(repo, 'packages', 'cli', 'bin', 'dbm.js');

export { ADMIN_URL, connect, urlOf, show, type Run };


/** Runs SQL on a database and returns the rows. */
export async function query<T extends pg.QueryResultRow = Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const c = await connect(url);
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

/** A copy of the example with a database of its own. */
export interface ExampleProject {
  readonly dir: string;
  readonly database: string;
  readonly url: string;
  /** Runs the built dbm CLI in the copy; `env` replaces the defaults (DATABASE_URL = this database). */
  dbm(args: readonly string[], env?: Readonly<Record<string, string | undefined>>): Promise<Run>;
  /** Runs TypeORM's own CLI in the copy, under tsx, as the project's users do. */
  typeorm(args: readonly string[]): Promise<Run>;
  /** Runs node in the copy with DATABASE_URL set. */
  node(args: readonly string[]): Promise<Run>;
  /** The file names in src/migrations. */
  migrationFiles(): string[];
  /** Drops the database and removes the copy. */
  dispose(): Promise<void>;
}

async function node(args: readonly string[], cwd: string, env: Record<string, string | undefined>): Promise<Run> {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, DATABASE_URL: undefined, ...env })) if (v !== undefined) clean[k] = v;
  const r = await execa(process.execPath, args, { cwd, reject: false, env: clean, extendEnv: false, timeout: 180_000 });
  return { code: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** Copies the example into a temporary folder and creates its database. */
export async function exampleProject(prefix: string): Promise<ExampleProject> {
  if (!existsSync(join(repo, 'packages', 'cli', 'dist', 'bin.js'))) {
    throw new Error('the dbm CLI is not built: run `npx tsc -b packages/core packages/adapters packages/cli` (or `pnpm test`)');
  }
  const dir = mkdtempSync(join(tmpdir(), `dbm-${prefix}-`));
  cpSync(example, dir, { recursive: true, filter: (src) => !src.startsWith(join(example, 'node_modules')) });
  symlinkSync(join(example, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const database = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await query(ADMIN_URL, `CREATE DATABASE "${database}"`);
  const url = urlOf(database);
  return {
    dir,
    database,
    url,
    dbm: (args, env) => node([bin, ...args], dir, env ?? { DATABASE_URL: url }),
    typeorm: (args) => node(['--import', 'tsx', join(dir, 'node_modules', 'typeorm', 'cli.js'), ...args], dir, { DATABASE_URL: url }),
    node: (args) => node(args, dir, { DATABASE_URL: url }),
    migrationFiles: () => readdirSync(join(dir, 'src', 'migrations')).sort(),
    dispose: async () => {
      await query(ADMIN_URL, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** TypeORM's `migration:show`: the names it lists as applied ([X]) and as pending ([ ]). */
export function parseMigrationShow(stdout: string): { applied: string[]; pending: string[] } {
  const applied: string[] = [];
  const pending: string[] = [];
  for (const line of stdout.split('\n')) {
    // applied: `[X] 1 Name` (with the ledger id); pending: `[ ] Name`
    const m = /^\s*\[( |X)\]\s+(?:\d+\s+)?(\S+)/.exec(line);
    if (m) (m[1] === 'X' ? applied : pending).push(m[2]!);
  }
  return { applied, pending };
}

/** Row count and an md5 over every row of a table, ordered by id. */
export async function checksum(url: string, table: string, columns = '*'): Promise<string> {
  const [row] = await query<{ n: string; sum: string }>(
    url,
    `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t.id)) AS sum FROM (SELECT ${columns} FROM "${table}") t`,
  );
  return `${row!.n} rows, md5 ${row!.sum}`;
}
