/**
 * The TypeORM writer: entity source in TypeORM's idiom with explicit types, warnings with raw SQL for what
 * TypeORM cannot say, and the round trip read(write(model)) = model on the full-feature schema (read from
 * the real server), up to what the warnings name.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { classifyDefault, compareSchemas, formatDifferences, introspectSchema, normalizeSchema, type SchemaModel, type TableModel } from '@dbm/core';
import { withDatabase } from '../code/engine.testkit.js';
import { byValue } from './model-compare.testkit.js';
import { loadFull, withTypeOrmProject } from './model-project.testkit.js';
import { readTypeOrmModel } from './model-read.js';
import { writeTypeOrmEntities } from './model-write.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const TSC = path.resolve(here, '../../../../node_modules/.bin/tsc');
const TYPE_ROOTS = path.resolve(here, '../../../../node_modules/@types');
const run = promisify(execFile);
const SHOP_SOURCE = path.resolve(here, '../../../../examples/typeorm-postgres/src/data-source.ts');

const int4 = { name: 'int4', modifiers: [], arrayDims: 0, sql: 'integer' };
const text = { name: 'text', modifiers: [], arrayDims: 0, sql: 'text' };

const table = (name: string, over: Partial<TableModel> = {}): TableModel => ({
  schema: 'public',
  name,
  columns: [{ name: 'id', type: int4, nullable: false, default: { kind: 'sequence', sequence: `${name}_id_seq` } }],
  primaryKey: { name: `${name}_pkey`, columns: ['id'] },
  uniques: [],
  foreignKeys: [],
  checks: [],
  indexes: [],
  ...over,
});

describe('typeorm: write entities from the schema model', () => {
  it('writes an entity per table with explicit types, and raw SQL for what TypeORM cannot say', async () => {
    const model: SchemaModel = {
      tables: [
        table('posts', {
          columns: [
            { name: 'id', type: int4, nullable: false, default: { kind: 'sequence', sequence: 'posts_id_seq' } },
            { name: 'title', type: { name: 'varchar', modifiers: ['120'], arrayDims: 0, sql: 'character varying(120)' }, nullable: false },
            { name: 'body', type: text, nullable: true, comment: "the post's text" },
          ],
          indexes: [
            { name: 'posts_title_idx', unique: false, method: 'btree', elements: [{ value: 'title', expression: false }] },
            { name: 'posts_lower_title_idx', unique: false, method: 'btree', elements: [{ value: 'lower((title)::text)', expression: true }] },
          ],
        }),
        table('audit', { primaryKey: undefined, columns: [{ name: 'at', type: text, nullable: false }] }),
      ],
      enums: [{ schema: 'public', name: 'mood', values: ['ok', 'meh'] }],
      extras: [{ kind: 'view', name: 'public.titles', sql: 'CREATE VIEW public.titles AS SELECT title FROM public.posts' }],
    };
    const { files, warnings } = await writeTypeOrmEntities(model);
    expect(files.map((f) => f.path)).toEqual(['entity/Posts.ts', 'data-source.ts']);
    const posts = files[0]!.text;
    expect(posts).toContain("@Entity({ name: 'posts' })");
    expect(posts).toContain("@PrimaryGeneratedColumn('increment', { type: 'integer', primaryKeyConstraintName: 'posts_pkey' })");
    expect(posts).toContain("@Column({ type: 'varchar', length: 120 })");
    expect(posts).toContain(`@Column({ type: 'text', nullable: true, comment: "the post's text" })`);
    expect(posts).toContain("@Index('posts_title_idx', ['title'])");
    expect(posts).toContain("@Index('posts_lower_title_idx', { synchronize: false })");
    expect(warnings.map((w) => [w.object, w.rawSql])).toEqual([
      ['public.audit', 'CREATE TABLE "public"."audit" (\n  "at" text NOT NULL\n)'],
      ['public.posts.posts_lower_title_idx', 'CREATE INDEX "posts_lower_title_idx" ON "public"."posts" ((lower((title)::text)))'],
      ['public.mood', `CREATE TYPE "public"."mood" AS ENUM ('ok', 'meh')`],
      ['public.titles', 'CREATE VIEW public.titles AS SELECT title FROM public.posts'],
    ]);
  });

  it("leaves TypeORM's own constraint names implicit, and reads back the same model (example shop)", async () => {
    const shop = await readTypeOrmModel(SHOP_SOURCE);
    const written = await writeTypeOrmEntities(shop.model);
    expect(written.warnings).toEqual([]);
    const users = written.files.find((f) => f.path === 'entity/Users.ts')!.text;
    expect(users).toContain("@Unique(['email'])");
    expect(users).toContain("@PrimaryGeneratedColumn('increment', { type: 'integer' })");
    expect(users).not.toMatch(/PK_|UQ_/);
    const orders = written.files.find((f) => f.path === 'entity/Orders.ts')!.text;
    expect(orders).toContain("@JoinColumn({ name: 'user_id', referencedColumnName: 'id' })");
    const back = await withTypeOrmProject(written.files, (root) => readTypeOrmModel(path.join(root, 'data-source.ts')));
    expect(back.model).toEqual(shop.model);
  }, 60_000);

  it('reads back the model it wrote (full-feature schema), up to what it reported', async () => {
    await withDatabase('dbm_typeorm_model_rt', async (_url, db) => {
      await loadFull(db);
      const model = normalizeSchema(await introspectSchema(db));
      const written = await writeTypeOrmEntities(model);
      const back = await withTypeOrmProject(written.files, async (root) => {
        // the source compiles as a strict TypeScript project with TypeORM's decorators
        await run(TSC, ['-p', root, '--types', 'node', '--typeRoots', TYPE_ROOTS]);
        return readTypeOrmModel(path.join(root, 'data-source.ts'));
      });
      // what the writer reported: indexes TypeORM only knows by name, and its spelling of CURRENT_DATE/TIMESTAMP
      const rawIndexes = new Set(written.warnings.filter((w) => w.rawSql?.startsWith('CREATE') && w.rawSql.includes(' INDEX ')).map((w) => w.object));
      const reported = new Set(written.warnings.map((w) => w.object));
      const expected: SchemaModel = {
        ...model,
        tables: model.tables.map((t) => ({
          ...t,
          indexes: t.indexes.filter((i) => !rawIndexes.has(`${t.schema}.${t.name}.${i.name}`)),
          columns: t.columns.map((c) => {
            if (!reported.has(`${t.schema}.${t.name}.${c.name}`) || c.default?.kind === 'sequence' || !c.default) return c;
            return { ...c, default: classifyDefault(c.default.sql === 'CURRENT_DATE' ? "('now'::text)::date" : 'now()') };
          }),
        })),
      };
      expect(back.warnings.map((w) => w.object).sort()).toEqual([...rawIndexes].sort());
      expect([...rawIndexes].sort()).toEqual(['public.memberships.memberships_team_joined_idx', 'public.users.users_created_at_idx', 'public.users.users_email_lower_idx']);
      expect(formatDifferences(compareSchemas(byValue(back.model), byValue(expected)))).toBe('');
    });
  }, 120_000);
});
