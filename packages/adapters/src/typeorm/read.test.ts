import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MigrationFolderError } from '../migration-folder-error.js';
import { open } from './open.js';
import { TypeOrmLedger } from './ledger.js';
import { readTypeOrmMigrations } from './read.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURE = path.join(here, 'testdata');

const cls = (name: string, up: string, extra = '') =>
  `class ${name} { ${extra} async up(q) { await q.query(${JSON.stringify(up)}); } async down(q) { await q.query('DROP TABLE x'); } }`;

describe('readTypeOrmMigrations', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'dbm-typeorm-read-'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('lists the generated TS migrations by class name, in timestamp order, with the timestamp', async () => {
    const sources = await readTypeOrmMigrations({ cwd: FIXTURE, migrations: ['migrations/*.ts'] });
    expect(sources.map((s) => [s.name, s.meta?.timestamp, s.order])).toEqual([
      ['CreateUsers1795307139205', 1795307139205, 0],
      ['CreateOrders1795307149241', 1795307149241, 1],
      ['AddUserStatus1795307172994', 1795307172994, 2],
    ]);
    expect(sources.every((s) => s.checksum === '' && s.runner && s.path.endsWith('.ts'))).toBe(true);
    // a directory names the same files
    expect((await readTypeOrmMigrations({ cwd: FIXTURE, migrations: 'migrations' })).map((s) => s.name)).toEqual(sources.map((s) => s.name));
  });

  it('sorts by timestamp, not by file, across CommonJS, ESM and TypeScript files and globs', async () => {
    const dir = path.join(tmp, 'mixed');
    await mkdir(path.join(dir, 'nested'), { recursive: true });
    await writeFile(path.join(dir, 'a.js'), `${cls('Third1700000000003', 'CREATE TABLE c (id int)')}\nmodule.exports = { Third1700000000003 };`);
    await writeFile(path.join(dir, 'b.mjs'), `export ${cls('First1700000000001', 'CREATE TABLE a (id int)')}`);
    await writeFile(
      path.join(dir, 'nested', 'c.ts'),
      `export class Second1700000000002 { name = 'Second1700000000002'; async up(q: { query(s: string): Promise<unknown> }) { await q.query('CREATE TABLE b (id int)'); } async down() {} }`,
    );
    await writeFile(path.join(dir, 'types.d.ts'), 'export declare const x: number;');
    await writeFile(path.join(dir, 'notes.md'), '# not a migration');
    const flat = await readTypeOrmMigrations({ cwd: tmp, migrations: ['mixed/*{.js,.mjs,.ts}'] });
    expect(flat.map((s) => s.name)).toEqual(['First1700000000001', 'Third1700000000003']);
    const deep = await readTypeOrmMigrations({ cwd: tmp, migrations: ['mixed/**/*.{js,mjs,ts}'] });
    expect(deep.map((s) => s.name)).toEqual(['First1700000000001', 'Second1700000000002', 'Third1700000000003']);
    expect(await deep[1]!.runner!.render!('up')).toEqual(['CREATE TABLE b (id int)']);
  });

  it('names the missing directory', async () => {
    const err = await readTypeOrmMigrations({ cwd: tmp, migrations: ['nope/migrations/*.ts'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MigrationFolderError);
    expect((err as Error).message).toContain(path.join(tmp, 'nope', 'migrations'));
  });

  it('refuses what TypeORM refuses: a name without a timestamp, and duplicate names', async () => {
    const bad = path.join(tmp, 'bad');
    await mkdir(bad);
    await writeFile(path.join(bad, 'x.cjs'), `${cls('NoTimestamp', 'SELECT 1')}\nmodule.exports = { NoTimestamp };`);
    await expect(readTypeOrmMigrations({ cwd: tmp, migrations: 'bad' })).rejects.toThrow(/NoTimestamp migration name is wrong.*x\.cjs/);
    const dup = path.join(tmp, 'dup');
    await mkdir(dup);
    await writeFile(path.join(dup, 'a.cjs'), `${cls('Same1700000000001', 'SELECT 1')}\nmodule.exports = { Same1700000000001 };`);
    await writeFile(path.join(dup, 'b.cjs'), `${cls('Same1700000000001', 'SELECT 1')}\nmodule.exports = { Same1700000000001 };`);
    await expect(readTypeOrmMigrations({ cwd: tmp, migrations: 'dup' })).rejects.toThrow('Duplicate migrations: Same1700000000001');
  });

  it('renders the generated migrations without a database', async () => {
    const [users, orders] = await readTypeOrmMigrations({ cwd: FIXTURE, migrations: 'migrations' });
    expect(await users!.runner!.render!('up')).toEqual([
      'CREATE TABLE "users" ("id" SERIAL NOT NULL, "email" character varying(255) NOT NULL, "name" character varying(100) NOT NULL, ' +
        'CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))',
    ]);
    expect(await orders!.runner!.render!('down')).toEqual([
      'ALTER TABLE "orders" DROP CONSTRAINT "FK_a922b820eeef29ac1c6800e826a"',
      'DROP INDEX "public"."orders_user_id_idx"',
      'DROP TABLE "orders"',
    ]);
  });

  it('inlines parameters, and gives up when the migration uses more than query() or reads', async () => {
    const dir = path.join(tmp, 'render');
    await mkdir(dir);
    await writeFile(
      path.join(dir, 'm.cjs'),
      `class Params1700000000001 { async up(q) { await q.query('INSERT INTO "typeorm_metadata"("type", "name", "value") VALUES ($1, $2, $3)', ['GENERATED_COLUMN', 'full', "a || ' ' || b"]); }
         async down(q) { await q.createTable({ name: 'x' }); } }
       class Reads1700000000002 { async up(q) { const rows = await q.query('SELECT id FROM users'); for (const r of rows) await q.query('UPDATE users SET x = 1 WHERE id = $1', [r.id]); }
         async down(q) { await q.connection.query('DROP TABLE y'); } }
       module.exports = { Params1700000000001, Reads1700000000002 };`,
    );
    const [params, reads] = await readTypeOrmMigrations({ cwd: tmp, migrations: 'render' });
    expect(await params!.runner!.render!('up')).toEqual([
      `INSERT INTO "typeorm_metadata"("type", "name", "value") VALUES ('GENERATED_COLUMN', 'full', 'a || '' '' || b')`,
    ]);
    expect(await params!.runner!.render!('down')).toBeUndefined();
    expect(await reads!.runner!.render!('up')).toBeUndefined();
    expect(await reads!.runner!.render!('down')).toBeUndefined();
  });

  it('is what openMigrations opens for TypeORM, with the ledger table and schema passed on', async () => {
    const set = await open({ orm: 'typeorm', dir: path.join(FIXTURE, 'migrations'), table: 'app_migrations', schema: 'ops' });
    expect(set.sources.map((s) => s.name)).toHaveLength(3);
    expect(set.ledger).toBeInstanceOf(TypeOrmLedger);
    expect(set.ledger.table).toBe('ops.app_migrations');
  });
});
