/**
 * --from-schema on the real server: the migrations written from the difference take the database to the
 * target schema (the catalogs compare equal), a second diff finds nothing, what the diff does not cover is
 * refused by name, and nothing is written (nor left behind on the server) when the input is bad.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { connect, withDatabase } from '../../code/engine.testkit.js';
import { generateKnex } from '../generate.js';
import { applyKnex, catalog, knexProject, migrationFiles, rollbackKnex, runSql } from '../generate.testkit.js';

const BASE = `
CREATE TYPE mood AS ENUM ('ok', 'sad');
CREATE TABLE users (id bigserial PRIMARY KEY, email varchar(50) NOT NULL, name text NOT NULL, nick text, status text DEFAULT 'new', legacy int);
CREATE TABLE orders (id serial PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id), total numeric(10,2) NOT NULL, CONSTRAINT orders_total_check CHECK (total > 0));
CREATE INDEX orders_user_id_idx ON orders (user_id);
CREATE INDEX orders_total_idx ON orders (total);
CREATE TABLE old_logs (id int PRIMARY KEY, line text);
INSERT INTO users (email, name, nick) SELECT 'u' || g || '@example.test', 'User ' || g, 'n' || g FROM generate_series(1, 20) g;
INSERT INTO orders (user_id, total) SELECT 1 + g % 20, g FROM generate_series(1, 50) g;
`;

const TARGET = `
CREATE TYPE mood AS ENUM ('ok', 'meh', 'sad', 'glad');
CREATE TYPE plan AS ENUM ('free', 'pro');
CREATE TABLE users (
  id bigserial PRIMARY KEY,
  email varchar(100) NOT NULL,
  name text,
  nick text NOT NULL DEFAULT '',
  status text DEFAULT 'active',
  plan plan NOT NULL DEFAULT 'free',
  CONSTRAINT users_email_key UNIQUE (email)
);
CREATE TABLE orders (id serial PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE, total numeric(10,2) NOT NULL, placed_at timestamptz DEFAULT now(),
  CONSTRAINT orders_total_check CHECK (total >= 0));
CREATE INDEX orders_user_id_idx ON orders (user_id, placed_at);
CREATE TABLE reviews (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, order_id int NOT NULL REFERENCES orders (id), tag_id int, body text COLLATE "C", feeling mood);
CREATE TABLE tags (id serial PRIMARY KEY, label text NOT NULL UNIQUE);
ALTER TABLE reviews ADD CONSTRAINT reviews_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES tags (id);
CREATE INDEX reviews_body_idx ON reviews USING hash (body);
CREATE SCHEMA audit;
CREATE TABLE audit.events (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), what text);
`;

async function targetCatalog(sql: string): Promise<unknown> {
  return withDatabase('dbm_knex_target', async (_url, client) => {
    await runSql(client, sql);
    return catalog(client, ['public', 'audit']);
  });
}

describe('generateKnex --from-schema on PostgreSQL', () => {
  it('writes migrations that take the database to the target schema, after which the diff is empty', async () => {
    const project = await knexProject('module', { 'schema.sql': TARGET });
    const fromSchema = path.join(project.root, 'schema.sql');
    const expected = await targetCatalog(TARGET);
    await withDatabase('dbm_knex_from_schema', async (url, client) => {
      await runSql(client, BASE);
      const result = await generateKnex(project, { name: 'to_target', url, fromSchema });
      expect(result.files.length).toBeGreaterThan(1);
      // the dropped column and table are written, but reported as needing a plan
      expect(result.notes.filter((n) => n.severity === 'error').map((n) => n.message).join('\n')).toMatch(/legacy[\s\S]*old_logs|old_logs[\s\S]*legacy/);
      await applyKnex(url, project);
      expect(await catalog(client, ['public', 'audit'])).toEqual(expected);
      expect((await client.query(`SELECT count(*)::int AS n FROM orders`)).rows[0].n).toBe(50);
      const again = await generateKnex(project, { name: 'nothing', url, fromSchema });
      expect(again.files).toEqual([]);
      expect(await migrationFiles(project)).toEqual(result.migrations);
    });
  });

  it('rolls back to the catalog it started from: the downs restore dropped keys, indexes, old defaults and types', async () => {
    const reversible = `
CREATE TYPE mood AS ENUM ('ok', 'sad');
CREATE TYPE plan AS ENUM ('free', 'pro');
CREATE TABLE users (id bigserial PRIMARY KEY, email varchar(100) NOT NULL, name text, nick text, status text DEFAULT 'active', legacy int, plan plan);
CREATE TABLE orders (id serial PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE, total numeric(10,2) NOT NULL,
  CONSTRAINT orders_total_check CHECK (total >= 0));
CREATE INDEX orders_user_id_idx ON orders (user_id, total);
CREATE TABLE old_logs (id int PRIMARY KEY, line text);
CREATE SCHEMA audit;
CREATE TABLE audit.events (id bigserial PRIMARY KEY, what text);
`;
    const project = await knexProject('commonjs', { 'schema.sql': reversible });
    await withDatabase('dbm_knex_from_schema_back', async (url, client) => {
      await runSql(client, BASE);
      const before = await catalog(client, ['public', 'audit']);
      const result = await generateKnex(project, { name: 'reversible', url, fromSchema: path.join(project.root, 'schema.sql') });
      await applyKnex(url, project);
      expect(await catalog(client, ['public', 'audit'])).toEqual(await targetCatalog(reversible));
      await rollbackKnex(url, project, result.migrations);
      expect(await catalog(client, ['public', 'audit'])).toEqual(before);
      expect((await client.query(`SELECT nspname FROM pg_namespace WHERE nspname = 'audit'`)).rows).toEqual([]);
    });
  });

  it('refuses what it does not diff, pending migrations, a missing URL and a target that does not load, writing nothing', async () => {
    const project = await knexProject('module', {
      'view.sql': `${BASE}\nCREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 10;`,
      'bad.sql': 'CREATE TABLE t (id int);\nCREATE TABLE;\n',
      'broken.sql': 'CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (a_id int REFERENCES nowhere (id));\n',
      'enum.sql': BASE.replace(`('ok', 'sad')`, `('sad', 'ok')`),
    });
    const file = (f: string) => path.join(project.root, f);
    await withDatabase('dbm_knex_from_schema_bad', async (url, client) => {
      await runSql(client, BASE);
      await expect(generateKnex(project, { name: 'v', url, fromSchema: file('view.sql') })).rejects.toThrow(/does not diff yet[^]*view public\.big_orders|view public\.big_orders[^]*does not diff yet/);
      await expect(generateKnex(project, { name: 'e', url, fromSchema: file('enum.sql') })).rejects.toThrow(/cannot remove or reorder the values of the enum public\.mood/);
      await expect(generateKnex(project, { name: 'b', url, fromSchema: file('bad.sql') })).rejects.toThrow(/bad\.sql:2:\d+: syntax error/);
      await expect(generateKnex(project, { name: 'l', url, fromSchema: file('broken.sql') })).rejects.toThrow(/broken\.sql:2:1: the target schema does not load: relation "nowhere" does not exist/);
      await expect(generateKnex(project, { name: 'u', fromSchema: file('view.sql') })).rejects.toThrow(/set DATABASE_URL or pass --url/);
      expect(await migrationFiles(project)).toEqual([]);
      await writeFile(path.join(project.migrationsDir, '20200101000000_pending.js'), 'export async function up() {}\nexport async function down() {}\n');
      await expect(generateKnex(project, { name: 'p', url, fromSchema: file('view.sql') })).rejects.toThrow(/1 migration is not applied \(20200101000000_pending\.js\): run dbm apply first/);
      expect(await migrationFiles(project)).toEqual(['20200101000000_pending.js']);
      const left = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE 'dbm\\_target\\_${process.pid}\\_%'`);
      expect(left.rows).toEqual([]);
    });
  });

  it('loads the target into PGlite when the user may not create databases', async () => {
    const project = await knexProject('module', { 'schema.sql': `${BASE.split('INSERT')[0]}\nALTER TABLE users ADD COLUMN plan text;` });
    await withDatabase('dbm_knex_from_schema_pglite', async (url, client) => {
      await runSql(client, BASE);
      const role = `dbm_nocreate_${process.pid}`;
      const admin = await connect();
      await admin.query(`CREATE ROLE "${role}" LOGIN NOCREATEDB`);
      try {
        const limited = new URL(url);
        limited.username = role;
        const result = await generateKnex(project, { name: 'plan', url: limited.toString(), fromSchema: path.join(project.root, 'schema.sql') });
        expect(result.migrations).toHaveLength(1);
        await applyKnex(url, project);
        expect((await client.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'plan'`)).rows).toHaveLength(1);
      } finally {
        await admin.query(`DROP ROLE IF EXISTS "${role}"`);
        await admin.end();
      }
    });
  });
});
