/**
 * dbm generate for drizzle, through the real drizzle-kit (its api in process, its CLI to compare):
 * files laid out exactly as drizzle-kit writes them, the safe statements, no prompts, nothing written
 * on bad input. No database.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadPostgresParser, parsePostgres, planFix } from '@dbm/core';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { describe, expect, it } from 'vitest';
import type { Project } from '../orm-adapter.js';
import { drizzleAdapter } from './adapter.js';
import { generateMigration } from '../generators.js';
import { APP_PACKAGE, ADAPTER_MODULES, appDir, tree } from './project.testkit.js';
import { DRIZZLE_BREAKPOINT, readDrizzleMigrations } from './read.js';
import { ORIGIN_UUID } from './snapshot.js';

const NOW = new Date(Date.UTC(2031, 0, 2, 3, 4, 5));

/** The fixture's schema.js with users.country (NOT NULL, constant default), an index on orders and a new products table referenced by orders. */
const EDITED_SCHEMA = `import { index, integer, pgTable, serial, text, timestamp, varchar } from 'drizzle-orm/pg-core';
export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  email: varchar('email', { length: 255 }).notNull().unique(),
  displayName: text('display_name'),
  country: varchar('country', { length: 2 }).notNull().default('NL'),
  createdAt: timestamp('created_at').defaultNow().notNull(),
});
export const products = pgTable('products', { id: serial('id').primaryKey(), name: text('name').notNull() });
export const orders = pgTable(
  'orders',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id),
    productId: integer('product_id').references(() => products.id),
    total: integer('total').notNull(),
  },
  (t) => [index('orders_user_id_idx').on(t.userId), index('orders_total_idx').on(t.total)],
);
`;

async function fixtureApp(files: Record<string, string> = {}): Promise<string> {
  return appDir({ 'package.json': APP_PACKAGE, ...files }, { fixture: true });
}

async function projectOf(root: string): Promise<Project> {
  const evidence = await drizzleAdapter.detect(root);
  return drizzleAdapter.project(root, evidence!);
}

async function generate(root: string, name: string) {
  return generateMigration(await projectOf(root), { name, now: NOW });
}

/** drizzle-kit's own CLI, `generate --name`, in `root`. */
async function kitGenerate(root: string, name: string): Promise<void> {
  await promisify(execFile)(process.execPath, [join(ADAPTER_MODULES, 'drizzle-kit', 'bin.cjs'), 'generate', '--name', name], { cwd: root });
}

const json = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown> & { entries: Record<string, unknown>[] };
const withoutIds = ({ id: _i, prevId: _p, ...rest }: Record<string, unknown>) => rest;

describe('drizzle generate', () => {
  it('writes .sql, down file, snapshot and journal entry as drizzle-kit does, with the safe statements', async () => {
    const root = await fixtureApp({ 'schema.js': EDITED_SCHEMA });
    const kit = await fixtureApp({ 'schema.js': EDITED_SCHEMA });
    const result = await generate(root, 'shop');
    await kitGenerate(kit, 'shop');
    const dir = join(root, 'drizzle');
    expect(result.migrations).toEqual(['0003_shop']);
    expect(result.files).toEqual([join(dir, '0003_shop.sql'), join(dir, '0003_shop.down.sql'), join(dir, 'meta', '0003_snapshot.json')]);
    // the same files as drizzle-kit, plus the down file
    expect(Object.keys(await tree(dir)).sort()).toEqual([...Object.keys(await tree(join(kit, 'drizzle'))), '0003_shop.down.sql'].sort());
    // the snapshot drizzle-kit writes, byte for byte but for the fresh id, chained to the previous one
    const mine = await readFile(join(dir, 'meta', '0003_snapshot.json'), 'utf8');
    const theirs = await readFile(join(kit, 'drizzle', 'meta', '0003_snapshot.json'), 'utf8');
    expect(mine.replace(/"id": "[^"]+"/, '')).toBe(theirs.replace(/"id": "[^"]+"/, ''));
    expect(JSON.parse(mine).prevId).toBe((await json(join(dir, 'meta', '0002_snapshot.json'))).id);
    // the journal: drizzle-kit's entry, `when` from the clock
    const journal = await json(join(dir, 'meta', '_journal.json'));
    const kitJournal = await json(join(kit, 'drizzle', 'meta', '_journal.json'));
    expect(journal.entries.map(({ when: _, ...e }) => e)).toEqual(kitJournal.entries.map(({ when: _, ...e }) => e));
    expect(journal.entries.at(-1)).toEqual({ idx: 3, version: '7', when: NOW.getTime(), tag: '0003_shop', breakpoints: true });
    expect(await readFile(join(dir, 'meta', '_journal.json'), 'utf8')).toBe(JSON.stringify(journal, null, 2));

    // the safe statements, laid out with drizzle's marker
    const sql = await readFile(join(dir, '0003_shop.sql'), 'utf8');
    const statements = sql.split(DRIZZLE_BREAKPOINT).map((s) => s.trim());
    expect(statements).toContain('ALTER TABLE "orders" ADD CONSTRAINT "orders_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products" ("id") NOT VALID;');
    expect(statements).toContain('ALTER TABLE "orders" VALIDATE CONSTRAINT "orders_product_id_products_id_fk";');
    expect(statements).toContain('CREATE INDEX CONCURRENTLY "orders_total_idx" ON "orders" ("total");');
    expect(statements).toContain(`ALTER TABLE "users" ADD COLUMN "country" varchar(2) DEFAULT 'NL' NOT NULL;`);
    expect(sql).not.toMatch(/lock_timeout/);
    // every statement drizzle-kit wrote is there in some form (nothing dropped)
    const kitSql = await readFile(join(kit, 'drizzle', '0003_shop.sql'), 'utf8');
    expect(statements.length).toBe(kitSql.split(DRIZZLE_BREAKPOINT).length + 1);
    // planning the file again changes nothing but the timeouts: what dbm apply runs is what is written
    await loadPostgresParser();
    const again = planFix(parsePostgres(sql));
    expect(again.changes.map((c) => c.what).filter((w) => !/lock_timeout/.test(w))).toEqual([]);

    // what the safety pass changed, located in the written file
    expect(result.changes.map((c) => c.what).join('\n')).toMatch(/NOT VALID/);
    expect(result.changes.map((c) => c.what).join('\n')).toMatch(/CONCURRENTLY/);
    const fk = result.changes.find((c) => /NOT VALID/.test(c.what))!;
    expect(sql.split('\n')[fk.line - 1]).toContain('ADD CONSTRAINT "orders_product_id_products_id_fk"');
    expect(result.notes.filter((n) => n.severity === 'error')).toEqual([]);
    expect(result.notes.some((n) => /outside a transaction/.test(n.message) && /drizzle-kit migrate/.test(n.message))).toBe(true);

    // the down file undoes the steps newest first
    const down = await readFile(join(dir, '0003_shop.down.sql'), 'utf8');
    expect(down.indexOf('DROP INDEX CONCURRENTLY "orders_total_idx"')).toBeLessThan(down.indexOf('DROP CONSTRAINT "orders_product_id_products_id_fk"'));
    expect(down).toContain('DROP TABLE "products"');

    // drizzle-orm's migrator and dbm's reader read the result alike
    const sources = await readDrizzleMigrations(dir);
    const drizzles = readMigrationFiles({ migrationsFolder: dir });
    expect(sources.map((s) => s.checksum)).toEqual(drizzles.map((d) => d.hash));
    expect(sources.at(-1)!.downSql).toBe(down);
    // and a second run finds nothing to do, as drizzle-kit does
    expect(await generate(root, 'again')).toEqual({ files: [], migrations: [], changes: [], notes: [] });
    await kitGenerate(root, 'again_kit');
    expect(Object.keys(await tree(dir))).not.toContain('0004_again_kit.sql');
  });

  it('writes the first migration into a folder that does not exist yet, chained to drizzle-kit origin', async () => {
    const files = {
      'package.json': APP_PACKAGE,
      'drizzle.config.ts': "export default { dialect: 'postgresql', schema: './src/schema.ts', out: './db/migrations' };",
      'src/schema.ts': "import { pgTable, serial, text } from 'drizzle-orm/pg-core';\nexport const notes = pgTable('notes', { id: serial('id').primaryKey(), body: text('body') });\n",
    };
    const root = await appDir(files);
    const kit = await appDir(files);
    const result = await generate(root, 'init');
    await kitGenerate(kit, 'init');
    const dir = join(root, 'db', 'migrations');
    expect(result.migrations).toEqual(['0000_init']);
    expect(Object.keys(await tree(dir)).sort()).toEqual([...Object.keys(await tree(join(kit, 'db', 'migrations'))), '0000_init.down.sql'].sort());
    expect((await json(join(dir, 'meta', '0000_snapshot.json'))).prevId).toBe(ORIGIN_UUID);
    expect(withoutIds(await json(join(dir, 'meta', '0000_snapshot.json')))).toEqual(withoutIds(await json(join(kit, 'db', 'migrations', 'meta', '0000_snapshot.json'))));
    // a new table needs no safe form: the statement is drizzle-kit's, as it writes it
    expect(await readFile(join(dir, '0000_init.sql'), 'utf8')).toBe('CREATE TABLE "notes" (\n\t"id" serial PRIMARY KEY NOT NULL,\n\t"body" text\n);\n');
    expect(await readFile(join(dir, '0000_init.down.sql'), 'utf8')).toMatch(/\nDROP TABLE "notes";\n$/);
  });

  it('never asks about renames, even on a terminal: a new column and a dropped one, each reported', async () => {
    const renamed = (await readFile(join(await fixtureApp(), 'schema.js'), 'utf8')).replace("displayName: text('display_name')", "nickname: text('nickname')");
    const root = await fixtureApp({ 'schema.js': renamed });
    const out = process.stdout as { isTTY?: boolean };
    const was = out.isTTY;
    out.isTTY = true;
    let result;
    try {
      result = await generate(root, 'nick');
      expect(out.isTTY).toBe(true);
    } finally {
      out.isTTY = was;
    }
    const sql = await readFile(join(root, 'drizzle', '0003_nick.sql'), 'utf8');
    expect(sql).toContain('ADD COLUMN "nickname" text');
    expect(sql).toContain('DROP COLUMN "display_name"');
    const question = result.notes.find((n) => /renamed/.test(n.message))!;
    expect(question.message).toContain('whether display_name was renamed to nickname (columns of public.users)');
    expect(question.severity).toBe('warning');
    // dropping a column has no automatic safe form: flagged, and no down file (rollback restores dbm's backup)
    expect(result.notes.some((n) => n.severity === 'error' && /display_name/.test(n.message))).toBe(true);
    expect(result.files.some((f) => f.endsWith('.down.sql'))).toBe(false);
    expect(result.notes.some((n) => /no 0003_nick\.down\.sql written/.test(n.message))).toBe(true);
  });

  it('writes a statement whose safe form cannot be a file statement as drizzle-kit generated it, and says so', async () => {
    const schema = (await readFile(join(await fixtureApp(), 'schema.js'), 'utf8'))
      .replace("import { index,", "import { uuid, index,")
      .replace("displayName: text('display_name'),", "displayName: text('display_name'),\n  token: uuid('token').defaultRandom().notNull(),");
    const root = await fixtureApp({ 'schema.js': schema });
    const result = await generate(root, 'token');
    expect(await readFile(join(root, 'drizzle', '0003_token.sql'), 'utf8')).toBe('ALTER TABLE "users" ADD COLUMN "token" uuid DEFAULT gen_random_uuid() NOT NULL;');
    expect(result.changes.some((c) => /^at apply time: .*backfilled in batches/.test(c.what))).toBe(true);
    expect(result.notes.some((n) => /written as drizzle-kit generated it/.test(n.message))).toBe(true);
    expect(await readFile(join(root, 'drizzle', '0003_token.down.sql'), 'utf8')).toContain('DROP COLUMN "token"');
  });

  it('follows the config: breakpoints off, unix prefix', async () => {
    const config = "export default { dialect: 'postgresql', schema: './schema.js', out: './drizzle', breakpoints: false, migrations: { prefix: 'unix' } };";
    const root = await fixtureApp({ 'schema.js': EDITED_SCHEMA, 'drizzle.config.js': config });
    const result = await generate(root, 'flat');
    const tag = `${Math.floor(NOW.getTime() / 1000)}_flat`;
    expect(result.migrations).toEqual([tag]);
    const sql = await readFile(join(root, 'drizzle', `${tag}.sql`), 'utf8');
    expect(sql).not.toContain(DRIZZLE_BREAKPOINT);
    expect(sql).toContain('NOT VALID;\nALTER TABLE "orders" VALIDATE CONSTRAINT');
    expect((await json(join(root, 'drizzle', 'meta', '_journal.json'))).entries.at(-1)).toMatchObject({ idx: 3, tag, breakpoints: false });
    expect(Object.keys(await tree(join(root, 'drizzle', 'meta')))).toContain(`${Math.floor(NOW.getTime() / 1000)}_snapshot.json`);
  });

  it('writes nothing for a schema that does not load or exports no tables, and names the file', async () => {
    for (const [schema, message] of [
      ["export const users = pgTable('users', {\n  id: serial('id').primaryKey(),,\n});\n", /cannot load the drizzle schema .*schema\.js: Unexpected token.*schema\.js:2\n/s],
      ["export const notATable = 42;\n", /schema\.js export no drizzle tables/],
      ["import './missing.js';\n", /cannot load the drizzle schema .*schema\.js: .*missing\.js/s],
    ] as const) {
      const root = await fixtureApp({ 'schema.js': schema });
      const before = await tree(root);
      await expect(generate(root, 'broken')).rejects.toThrow(message);
      expect(await tree(root)).toEqual(before);
    }
  });

  it('refuses to overwrite an existing file and writes nothing then', async () => {
    const root = await fixtureApp({ 'schema.js': EDITED_SCHEMA, 'drizzle/0003_shop.down.sql': '-- mine\n' });
    const before = await tree(root);
    await expect(generate(root, 'shop')).rejects.toThrow(/0003_shop\.down\.sql exists already/);
    expect(await tree(root)).toEqual(before);
  });

  it('keeps `when` increasing even when the clock is behind the journal', async () => {
    const root = await fixtureApp({ 'schema.js': EDITED_SCHEMA });
    const project = await projectOf(root);
    await generateMigration(project, { name: 'old_clock', now: new Date(0) });
    const entries = (await json(join(root, 'drizzle', 'meta', '_journal.json'))).entries as { when: number }[];
    expect(entries.at(-1)!.when).toBe(entries.at(-2)!.when + 1);
  });
});
