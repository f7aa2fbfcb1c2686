/**
 * translateMigration without a database: which form an input is, names and timestamps in each target,
 * transaction control and statements that must run outside a transaction, and the all-or-nothing write.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TranslateMigrationError } from './errors.js';
import { nameWords, pascalName, snakeName } from './names.js';
import { translateMigration } from './translate.js';

let dir: string;
let out: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dbm-tm-in-'));
  out = path.join(dir, 'out');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const write = async (rel: string, text: string) => {
  await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
  await writeFile(path.join(dir, rel), text);
  return path.join(dir, rel);
};
const TABLE = 'CREATE TABLE "t" ("id" integer PRIMARY KEY);\n';

describe('names', () => {
  it('reduces a name to words and rebuilds it in each idiom', () => {
    expect(nameWords('CreateUsersAndProducts')).toEqual(['create', 'users', 'and', 'products']);
    expect(snakeName('AddHTTPLog')).toBe('add_http_log');
    expect(pascalName('create_users-and products')).toBe('CreateUsersAndProducts');
    expect(pascalName('2fa')).toBe('M2fa');
  });
});

describe('input forms', () => {
  it('tells knex from TypeORM by loading the module', async () => {
    const knexFile = await write('20250102030405_add_t.cjs', `exports.up = async (knex) => { await knex.schema.createTable('t', (t) => { t.integer('id').primary(); }); };\nexports.down = async (knex) => { await knex.schema.dropTable('t'); };\n`);
    const k = await translateMigration(knexFile, { to: 'typeorm', outDir: out, dryRun: true });
    expect(k.source).toMatchObject({ form: 'knex', name: 'add_t' });
    // the knex stamp becomes TypeORM's millisecond timestamp, the name its class name
    expect(k.migration).toBe(`AddT${Date.UTC(2025, 0, 2, 3, 4, 5)}`);
    expect(k.files[0]!.path).toBe(path.join(out, `${Date.UTC(2025, 0, 2, 3, 4, 5)}-AddT.ts`));
    const typeormFile = await write(
      '1735700000000-AddT.ts',
      `export class AddT1735700000000 { name = 'AddT1735700000000'; async up(q: any) { await q.query('${TABLE.trim()}'); } async down(q: any) { await q.query('DROP TABLE "t"'); } }\n`,
    );
    const t = await translateMigration(typeormFile, { to: 'knex', outDir: out, dryRun: true });
    expect(t.source).toMatchObject({ form: 'typeorm', name: 'AddT' });
    expect(t.migration).toBe('20250101025320_add_t.js');
  });

  it('reads a Prisma folder or its migration.sql with down.sql, and a drizzle file with its journal time', async () => {
    const folder = path.join(dir, 'prisma/20250101000000_init');
    await write('prisma/20250101000000_init/migration.sql', TABLE);
    await write('prisma/20250101000000_init/down.sql', 'DROP TABLE "t";\n');
    for (const input of [folder, path.join(folder, 'migration.sql')]) {
      const r = await translateMigration(input, { to: 'sql', outDir: out, dryRun: true });
      expect(r.source).toMatchObject({ form: 'prisma', name: 'init', path: folder });
      expect(r.downFrom).toBe('source');
      expect(r.files[1]!.text).toContain('DROP TABLE "t";');
    }
    const tagged = await write('drizzle/0003_add_t.sql', TABLE);
    await write('drizzle/meta/_journal.json', JSON.stringify({ version: '7', dialect: 'postgresql', entries: [{ idx: 3, version: '7', when: 1735000000000, tag: '0003_add_t', breakpoints: true }] }));
    const d = await translateMigration(tagged, { to: 'prisma', outDir: out, dryRun: true });
    expect(d.source).toMatchObject({ form: 'drizzle', name: 'add_t' });
    expect(d.migration).toBe('20241224002640_add_t');
    // a breakpoint marker alone says drizzle too
    const loose = await write('loose/0001_x.sql', `${TABLE}--> statement-breakpoint\nCREATE INDEX "i" ON "t" ("id");\n`);
    expect((await translateMigration(loose, { to: 'sql', outDir: out, dryRun: true })).source.form).toBe('drizzle');
  });

  it('refuses what it cannot translate, naming the fix', async () => {
    const bad = async (input: string, to = 'knex') => (await translateMigration(input, { to: to as 'knex', outDir: out }).catch((e: unknown) => e)) as Error;
    expect((await bad(path.join(dir, 'nope.sql'))).message).toMatch(/no such file/);
    expect((await bad(await write('a.down.sql', TABLE))).message).toMatch(/give the up migration beside it/);
    expect((await bad(await write('a.sql', TABLE), 'mysql')).message).toMatch(/the forms are sql, knex, typeorm, prisma, drizzle/);
    expect((await bad(await write('a.sql', 'CREATE TABLE ('))).message).toMatch(/syntax error.*nothing was written/);
    await mkdir(path.join(dir, 'empty'));
    expect((await bad(path.join(dir, 'empty'))).message).toMatch(/without migration\.sql/);
    const half = await write('half.cjs', 'exports.up = async () => {};\n');
    expect((await bad(half)).message).toMatch(/exports up but not down/);
    const reads = await write('20250101000000_reads.cjs', `exports.up = async (knex) => { await knex('t').select('*'); };\nexports.down = async () => {};\n`);
    expect(await bad(reads)).toBeInstanceOf(TranslateMigrationError);
    expect((await bad(reads)).message).toMatch(/needs a database to know its SQL/);
    const two = await write('two.ts', `export class A1735700000000 { async up() {} async down() {} }\nexport class B1735700000001 { async up() {} async down() {} }\n`);
    expect((await bad(two)).message).toMatch(/exports 2 TypeORM migration classes/);
    expect(await readdir(dir)).not.toContain('out');
  });
});

describe('transactions', () => {
  it('leaves BEGIN/COMMIT out of ORM targets with a warning, and keeps them in plain SQL', async () => {
    const file = await write('20250101000000_tx.sql', `BEGIN;\n${TABLE}COMMIT;\n`);
    const k = await translateMigration(file, { to: 'knex', outDir: out, dryRun: true });
    expect(k.warnings.filter((w) => w.code === 'transaction-control').map((w) => w.sql)).toEqual(['BEGIN', 'COMMIT']);
    expect(k.files[0]!.text.split('exports.up')[1]).not.toMatch(/BEGIN|COMMIT/);
    const s = await translateMigration(file, { to: 'sql', outDir: out, dryRun: true });
    expect(s.warnings).toEqual([]);
    expect(s.files[0]!.text).toContain('BEGIN;\n');
  });

  it('runs a migration holding CONCURRENTLY outside a transaction, in each ORM’s own way', async () => {
    const file = await write('20250101000000_idx.sql', `${TABLE}CREATE INDEX CONCURRENTLY "t_id_idx" ON "t" ("id");\n`);
    const k = await translateMigration(file, { to: 'knex', outDir: out, dryRun: true });
    expect(k.transactional).toBe(false);
    expect(k.files[0]!.text).toContain('exports.config = { transaction: false };');
    const t = await translateMigration(file, { to: 'typeorm', outDir: out, dryRun: true });
    expect(t.files[0]!.text).toContain('    transaction = false\n');
    const p = await translateMigration(file, { to: 'prisma', outDir: out, dryRun: true });
    expect(p.warnings.map((w) => w.code)).toEqual(['outside-transaction']);
    const d = await translateMigration(file, { to: 'drizzle', outDir: out, dryRun: true });
    expect(d.warnings.map((w) => w.code)).toEqual(['drizzle-snapshot', 'outside-transaction']);
  });
});

describe('writing', () => {
  it('writes nothing with dryRun, then every file; refuses to overwrite unless forced', async () => {
    const file = await write('20250101000000_t.sql', TABLE);
    const dry = await translateMigration(file, { to: 'prisma', outDir: out, dryRun: true });
    expect(await readdir(dir)).not.toContain('out');
    const r = await translateMigration(file, { to: 'prisma', outDir: out });
    expect(r.files.map((f) => path.relative(out, f.path))).toEqual(['20250101000000_t/migration.sql', '20250101000000_t/down.sql', 'migration_lock.toml']);
    expect(r.files).toEqual(dry.files);
    for (const f of r.files) expect(await readFile(f.path, 'utf8')).toBe(f.text);
    const again = (await translateMigration(file, { to: 'prisma', outDir: out }).catch((e: unknown) => e)) as Error;
    expect(again.message).toMatch(/exists already: nothing was written/);
    // the lock file exists now, so a forced rewrite leaves it alone
    const forced = await translateMigration(file, { to: 'prisma', outDir: out, force: true, name: 'Renamed Thing', now: new Date(Date.UTC(2026, 1, 3, 4, 5, 6)) });
    expect(forced.migration).toBe('20260203040506_renamed_thing');
    expect(forced.files).toHaveLength(2);
    expect((await readdir(out)).sort()).toEqual(['20250101000000_t', '20260203040506_renamed_thing', 'migration_lock.toml']);
    expect((await readdir(out)).some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('appends to an existing drizzle journal, numbered after it and never earlier than its last entry', async () => {
    const journal = { version: '7', dialect: 'postgresql', entries: [0, 1].map((idx) => ({ idx, version: '7', when: 1800000000000 + idx, tag: `000${idx}_m${idx}`, breakpoints: true })) };
    await write('out/meta/_journal.json', JSON.stringify(journal, null, 2));
    const file = await write('20250101000000_t.sql', `${TABLE}CREATE INDEX "t_idx" ON "t" ("id");\n`);
    const r = await translateMigration(file, { to: 'drizzle', outDir: out });
    expect(r.migration).toBe('0002_t');
    const written = JSON.parse(await readFile(path.join(out, 'meta/_journal.json'), 'utf8')) as typeof journal;
    expect(written.entries.slice(0, 2)).toEqual(journal.entries);
    expect(written.entries[2]).toEqual({ idx: 2, version: '7', when: 1800000000002, tag: '0002_t', breakpoints: true });
    const sql = await readFile(path.join(out, '0002_t.sql'), 'utf8');
    expect(sql).toContain(';\n--> statement-breakpoint\nCREATE INDEX "t_idx"');
    expect(r.warnings.map((w) => w.code)).toEqual(['drizzle-snapshot']);
    expect(await readdir(path.join(out, 'meta'))).toEqual(['_journal.json']);
  });
});
