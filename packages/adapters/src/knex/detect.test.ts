import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DetectionError } from '../detect.js';
import type { Evidence } from '../orm-adapter.js';
import { describeKnexProject, detectKnex } from './detect.js';
import { openKnexProject } from './project-open.js';

let tmp: string;
let n = 0;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'dbm-knex-detect-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

// vitest sets NODE_ENV=test; each test says which environment it means
const savedEnv = { NODE_ENV: process.env.NODE_ENV, APP_DB: process.env.APP_DB, DATABASE_URL: process.env.DATABASE_URL };
afterEach(() => {
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

/** A package directory with the given files (each test its own, so tsx's module cache never mixes them). */
async function pkg(files: Record<string, string>): Promise<string> {
  const dir = path.join(tmp, `p${n++}`);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

async function project(dir: string) {
  const evidence = await detectKnex(dir);
  expect(evidence).toBeDefined();
  return describeKnexProject(dir, evidence as Evidence);
}

const ESM = JSON.stringify({ type: 'module', dependencies: { knex: '3.3.0', pg: '8' } });
const CJS = JSON.stringify({ dependencies: { knex: '3.3.0', pg: '8' } });

describe('detectKnex', () => {
  it('finds knex from package.json and the knexfile, and nothing in a package without either', async () => {
    expect(await detectKnex(await pkg({ 'package.json': CJS, 'knexfile.js': 'module.exports = { client: "pg" };' }))).toEqual({
      orm: 'knex',
      reasons: ['package.json depends on knex', 'knexfile.js'],
    });
    expect(await detectKnex(await pkg({ 'package.json': '{}', 'knexfile.ts': 'export default { client: "pg" };' }))).toEqual({ orm: 'knex', reasons: ['knexfile.ts'] });
    expect(await detectKnex(await pkg({ 'package.json': JSON.stringify({ dependencies: { prisma: '7' } }) }))).toBeUndefined();
    expect(await detectKnex(await pkg({ 'README.md': 'no package.json' }))).toBeUndefined();
  });
});

describe('describeKnexProject', () => {
  it('reads an ESM knexfile with environments: development by default, NODE_ENV when set', async () => {
    const knexfile = `export default {
  development: { client: 'pg', connection: process.env.DATABASE_URL, migrations: { directory: './db/migrations', tableName: 'app_migrations', schemaName: 'ops' } },
  production: { client: 'postgresql', connection: process.env.APP_DB },
};`;
    delete process.env.NODE_ENV;
    delete process.env.DATABASE_URL;
    const dir = await pkg({ 'package.json': ESM, 'knexfile.js': knexfile });
    const p = await project(dir);
    expect(p).toMatchObject({
      orm: 'knex',
      dialect: 'postgresql',
      root: dir,
      migrationsDir: path.join(dir, 'db', 'migrations'),
      configPath: path.join(dir, 'knexfile.js'),
      url: { env: 'DATABASE_URL' },
      ledgerTable: 'app_migrations',
      ledgerSchema: 'ops',
    });
    expect(p.evidence).toEqual(['package.json depends on knex', 'knexfile.js (environment development): client pg', 'connection: process.env.DATABASE_URL']);
    process.env.NODE_ENV = 'production';
    const prod = await project(await pkg({ 'package.json': ESM, 'knexfile.js': knexfile }));
    expect(prod).toMatchObject({ migrationsDir: path.join(prod.root, 'migrations'), url: { env: 'APP_DB' } });
    expect(prod.ledgerTable).toBeUndefined();
  });

  it('matches a connection string back to the variable that holds it, and keeps a written URL as a literal', async () => {
    process.env.APP_DB = 'postgres://app:pw@db.internal:5432/shop';
    const fromEnv = await project(await pkg({ 'package.json': CJS, 'knexfile.js': 'module.exports = { client: "pg", connection: process.env.APP_DB };' }));
    expect(fromEnv.url).toEqual({ env: 'APP_DB' });
    const literal = await project(await pkg({ 'package.json': CJS, 'knexfile.js': 'module.exports = { client: "pg", connection: "postgres://u:p@h:5432/d" };' }));
    expect(literal.url).toEqual({ value: 'postgres://u:p@h:5432/d' });
    delete process.env.DATABASE_URL;
    const fallback = await project(
      await pkg({ 'package.json': CJS, 'knexfile.js': 'module.exports = { client: "pg", connection: process.env.DATABASE_URL || "postgres://localhost/dev" };' }),
    );
    expect(fallback.url).toEqual({ env: 'DATABASE_URL', value: 'postgres://localhost/dev' });
  });

  it('builds the URL of a connection object, and uses DATABASE_URL when the knexfile names no connection', async () => {
    const object = await project(
      await pkg({
        'package.json': CJS,
        'knexfile.cjs': `module.exports = { client: 'pg', connection: { host: 'db', port: 6543, user: 'shop', password: 'p@ss word', database: 'shop' } };`,
      }),
    );
    expect(object.url).toEqual({ value: 'postgres://shop:p%40ss%20word@db:6543/shop' });
    expect(object.evidence).toContain('connection: host/user/database fields in the knexfile');
    const none = await project(await pkg({ 'package.json': CJS, 'knexfile.js': 'module.exports = { client: "pg" };' }));
    expect(none.url).toEqual({ env: 'DATABASE_URL' });
  });

  it('loads a TypeScript knexfile and maps the other clients to their dialects', async () => {
    process.env.NODE_ENV = 'development';
    const ts = await project(
      await pkg({
        'package.json': CJS,
        'knexfile.ts': `import type { Knex } from 'knex';\nconst config: { [env: string]: Knex.Config } = { development: { client: 'mysql2', connection: process.env.DATABASE_URL } };\nexport default config;`,
      }),
    );
    expect(ts.dialect).toBe('mysql');
    const sqlite = await project(await pkg({ 'package.json': CJS, 'knexfile.js': 'module.exports = { client: "better-sqlite3", connection: { filename: "./dev.db" } };' }));
    expect(sqlite.dialect).toBe('sqlite');
  });

  it('uses knex defaults without a knexfile: ./migrations, DATABASE_URL, the dialect of the driver', async () => {
    const dir = await pkg({ 'package.json': CJS });
    const p = await project(dir);
    expect(p).toMatchObject({ dialect: 'postgresql', migrationsDir: path.join(dir, 'migrations'), url: { env: 'DATABASE_URL' } });
    expect(p.configPath).toBeUndefined();
  });

  it('names the knexfile and the line of a syntax error, and says how to fix a missing environment or an unknown client', async () => {
    const broken = await pkg({ 'package.json': ESM, 'knexfile.js': 'export default {\n  client: "pg",\n  connection: process.env.DATABASE_URL,,\n};\n' });
    const evidence = (await detectKnex(broken))!;
    const err = await describeKnexProject(broken, evidence).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DetectionError);
    expect((err as Error).message).toContain(`cannot load the knexfile ${path.join(broken, 'knexfile.js')}:3`);
    expect((err as Error).message).toContain('SyntaxError');

    process.env.NODE_ENV = 'staging';
    const noEnv = await pkg({ 'package.json': CJS, 'knexfile.js': 'module.exports = { development: { client: "pg" }, production: { client: "pg" } };' });
    await expect(project(noEnv)).rejects.toThrow(/has no "staging" environment \(it has development, production\): set NODE_ENV/);
    delete process.env.NODE_ENV;
    const oracle = await pkg({ 'package.json': CJS, 'knexfile.js': 'module.exports = { client: "oracledb" };' });
    await expect(project(oracle)).rejects.toThrow(/uses client "oracledb", which dbm does not support/);
  });
});

describe('openKnexProject', () => {
  it("reads every directory of the knexfile with its loadExtensions, unless --dir chose one", async () => {
    const migration = 'exports.up = async () => {}; exports.down = async () => {};';
    const dir = await pkg({
      'package.json': CJS,
      'knexfile.js': `module.exports = { client: 'pg', migrations: { directory: ['./a', './b'], loadExtensions: ['.js'], tableName: 'history' } };`,
      'a/20240101000000_one.js': migration,
      'b/20240102000000_two.js': migration,
      'b/20240103000000_three.cjs': migration,
    });
    const p = await project(dir);
    expect(p.migrationsDir).toBe(path.join(dir, 'b'));
    const set = await openKnexProject(p);
    expect(set.sources.map((s) => s.name)).toEqual(['20240101000000_one.js', '20240102000000_two.js']);
    expect(set.ledger.table).toBe('history');
    const chosen = await openKnexProject({ ...p, migrationsDir: path.join(dir, 'a') });
    expect(chosen.sources.map((s) => s.name)).toEqual(['20240101000000_one.js']);
    expect(await readdir(dir)).toEqual(expect.arrayContaining(['a', 'b', 'knexfile.js', 'package.json']));
  });
});
