import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MigrationFolderError } from '../migration-folder-error.js';
import { open } from './open.js';
import { KnexLedger } from './ledger.js';
import { readKnexMigrations } from './read.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURE = path.join(here, 'testdata');

describe('readKnexMigrations', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'dbm-knex-read-'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('lists the fixture project in file-name order, by file name, skipping other extensions', async () => {
    const sources = await readKnexMigrations({ cwd: FIXTURE });
    expect(sources.map((s) => s.name)).toEqual([
      '20240101120000_create_users.cjs',
      '20240102120000_create_orders.ts',
      '20240103120000_add_user_status.js',
    ]);
    expect(sources.map((s) => s.order)).toEqual([0, 1, 2]);
    expect(sources.every((s) => s.checksum === '' && s.runner && path.isAbsolute(s.path))).toBe(true);
  });

  it('sorts by file name across directories as knex does, or per directory with sortDirsSeparately', async () => {
    const a = path.join(tmp, 'a');
    const b = path.join(tmp, 'b');
    await mkdir(a);
    await mkdir(b);
    for (const [dir, file] of [[a, '2_b.js'], [a, '10_a.js'], [b, '1_c.js'], [b, 'notes.txt'], [b, 'x.mjs']] as const) {
      await writeFile(path.join(dir, file), 'exports.up = () => {}; exports.down = () => {};');
    }
    const together = await readKnexMigrations({ directory: ['a', 'b'], cwd: tmp });
    // code-unit order: '10_a' < '1_c' < '2_b'; .txt and .mjs are not in knex's default loadExtensions
    expect(together.map((s) => s.name)).toEqual(['10_a.js', '1_c.js', '2_b.js']);
    const apart = await readKnexMigrations({ directory: ['a', 'b'], cwd: tmp, sortDirsSeparately: true });
    expect(apart.map((s) => s.name)).toEqual(['10_a.js', '2_b.js', '1_c.js']);
    const withMjs = await readKnexMigrations({ directory: 'b', cwd: tmp, loadExtensions: ['.mjs'] });
    expect(withMjs.map((s) => s.name)).toEqual(['x.mjs']);
  });

  it('names the missing directory', async () => {
    const missing = path.join(tmp, 'nope');
    const err = await readKnexMigrations({ directory: missing }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MigrationFolderError);
    expect((err as Error).message).toContain(missing);
  });

  it('renders TS, CommonJS and ESM migrations without a database', async () => {
    const [users, orders, status] = await readKnexMigrations({ cwd: FIXTURE });
    expect(await users!.runner!.render!('up')).toEqual([
      'create table "users" ("id" serial primary key, "email" varchar(255) not null, "name" varchar(100) not null, ' +
        '"created_at" timestamptz not null default CURRENT_TIMESTAMP, "updated_at" timestamptz not null default CURRENT_TIMESTAMP)',
      'alter table "users" add constraint "users_email_unique" unique ("email")',
    ]);
    expect(await users!.runner!.render!('down')).toEqual(['drop table "users"']);
    const ordersUp = await orders!.runner!.render!('up');
    expect(ordersUp).toHaveLength(3);
    expect(ordersUp![1]).toContain('foreign key ("user_id") references "users" ("id") on delete CASCADE');
    expect(ordersUp![2]).toBe('create index "orders_user_id_idx" on "orders" ("user_id")');
    expect(await status!.runner!.render!('up')).toEqual([
      `alter table "users" add column "status" varchar(20) not null default 'active'`,
      'CREATE INDEX CONCURRENTLY users_status_idx ON users (status)',
    ]);
  });

  it('renders bound values as literals, and gives up on migrations that read the database', async () => {
    const dir = path.join(tmp, 'render');
    await mkdir(dir);
    await writeFile(
      path.join(dir, '1_seed.cjs'),
      `exports.up = (knex) => knex('roles').insert([{ name: "o'neil", admin: true, level: 3 }]);
       exports.down = (knex) => knex('roles').where({ name: "o'neil" }).del();`,
    );
    await writeFile(
      path.join(dir, '2_reads.cjs'),
      `exports.up = async (knex) => { if (!(await knex.schema.hasTable('x'))) await knex.schema.createTable('x', (t) => t.increments()); };
       exports.down = async (knex) => { const rows = await knex('x').select('id'); for (const r of rows) await knex('y').insert(r); };`,
    );
    await writeFile(
      path.join(dir, '3_trx.cjs'),
      `exports.up = (knex) => knex.transaction(async (trx) => { await trx.raw('create table t1 (id int)'); await trx.raw('create table t2 (id int)'); });
       exports.down = (knex) => knex.schema.dropTable('t2').dropTable('t1');`,
    );
    const [seed, reads, trx] = await readKnexMigrations({ directory: dir });
    expect(await seed!.runner!.render!('up')).toEqual([`insert into "roles" ("admin", "level", "name") values (true, 3, 'o''neil')`]);
    expect(await seed!.runner!.render!('down')).toEqual([`delete from "roles" where "name" = 'o''neil'`]);
    expect(await reads!.runner!.render!('up')).toBeUndefined();
    expect(await reads!.runner!.render!('down')).toBeUndefined();
    expect(await trx!.runner!.render!('up')).toEqual(['create table t1 (id int)', 'create table t2 (id int)']);
    expect(await trx!.runner!.render!('down')).toEqual(['drop table "t2"', 'drop table "t1"']);
  });

  it('rejects a file without up and down, naming it', async () => {
    const dir = path.join(tmp, 'invalid');
    await mkdir(dir);
    await writeFile(path.join(dir, '1_only_up.cjs'), 'exports.up = () => {};');
    const [m] = await readKnexMigrations({ directory: dir });
    await expect(m!.runner!.render!('up')).rejects.toThrow(/1_only_up\.cjs must have both an up and down function/);
  });

  it('is what openMigrations opens for knex, with the ledger table and schema passed on', async () => {
    const set = await open({ orm: 'knex', dir: path.join(FIXTURE, 'migrations'), table: 'app_migrations', schema: 'ops' });
    expect(set.sources.map((s) => s.name)).toHaveLength(3);
    expect(set.ledger).toBeInstanceOf(KnexLedger);
    expect(set.ledger.table).toBe('ops.app_migrations');
  });
});
