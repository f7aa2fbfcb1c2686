/** readDrizzleMigrations and drizzle's hash, on files (no database). */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { describe, expect, it, onTestFinished } from 'vitest';
import { MigrationFolderError } from '../migration-folder-error.js';
import { FIXTURE_FOLDER } from './drizzle.testkit.js';
import { drizzleHash } from './hash.js';
import { DRIZZLE_BREAKPOINT, readDrizzleMigrations, type DrizzleMigrationMeta } from './read.js';

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const metaOf = (m: { meta?: unknown }) => m.meta as DrizzleMigrationMeta;

/** A migrations folder with a journal listing `entries` in the given order and their files. */
async function folder(entries: { tag: string; when: number; sql?: string; breakpoints?: boolean }[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dbm-drizzle-read-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  await mkdir(join(dir, 'meta'));
  const journal = {
    version: '7',
    dialect: 'postgresql',
    entries: entries.map((e, idx) => ({ idx, version: '7', when: e.when, tag: e.tag, breakpoints: e.breakpoints ?? true })),
  };
  await writeFile(join(dir, 'meta', '_journal.json'), JSON.stringify(journal, null, 2));
  for (const e of entries) if (e.sql !== undefined) await writeFile(join(dir, `${e.tag}.sql`), e.sql);
  return dir;
}

describe('readDrizzleMigrations', () => {
  it('reads the fixture: tags in journal order, SQL, hashes of the bytes, when, statements, the reviewed down file', async () => {
    const sources = await readDrizzleMigrations(FIXTURE_FOLDER);
    const journal = JSON.parse(await readFile(join(FIXTURE_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };
    expect(sources.map((s) => [s.name, s.order, metaOf(s).when])).toEqual(journal.entries.map((e, i) => [e.tag, i, e.when]));
    for (const s of sources) {
      const bytes = await readFile(s.path);
      expect(s.path).toBe(join(FIXTURE_FOLDER, `${s.name}.sql`));
      expect(s.sql).toBe(bytes.toString('utf8'));
      expect(s.checksum).toBe(sha256(bytes));
    }
    expect(sources.map((s) => metaOf(s).statements.length)).toEqual([1, 3, 1]);
    expect(metaOf(sources[1]!).statements[1]).toContain('FOREIGN KEY');
    expect(sources.map((s) => s.downSql !== undefined)).toEqual([false, false, true]);
    expect(sources[2]!.downSql).toContain('DROP COLUMN "display_name"');
  });

  it('hashes, splits and times every migration exactly as drizzle-orm’s readMigrationFiles does', async () => {
    const sources = await readDrizzleMigrations(FIXTURE_FOLDER);
    const drizzles = readMigrationFiles({ migrationsFolder: FIXTURE_FOLDER });
    expect(sources.map((s) => [s.checksum, metaOf(s).when, metaOf(s).statements])).toEqual(drizzles.map((d) => [d.hash, d.folderMillis, d.sql]));
    // also for a file with a BOM and CRLF line endings: drizzle hashes the bytes as they are
    const odd = await folder([{ tag: '0000_odd', when: 5, sql: `\uFEFFCREATE TABLE a (id int);\r\n${DRIZZLE_BREAKPOINT}\r\nSELECT 1;\r\n` }]);
    const [mine] = await readDrizzleMigrations(odd);
    const [theirs] = readMigrationFiles({ migrationsFolder: odd });
    expect(mine!.checksum).toBe(theirs!.hash);
    expect(mine!.checksum).toBe(sha256(await readFile(join(odd, '0000_odd.sql'))));
    expect(metaOf(mine!).statements).toEqual(theirs!.sql);
  });

  it('keeps the journal’s order, even when it is not the tags’ order', async () => {
    const dir = await folder([
      { tag: '0001_b', when: 2, sql: 'SELECT 2;' },
      { tag: '0000_a', when: 1, sql: 'SELECT 1;' },
    ]);
    expect((await readDrizzleMigrations(dir)).map((s) => [s.name, s.order])).toEqual([
      ['0001_b', 0],
      ['0000_a', 1],
    ]);
  });

  it('splits on the breakpoint marker whatever the journal’s breakpoints flag says, as drizzle does', async () => {
    const sql = `CREATE TABLE a (id int);\n${DRIZZLE_BREAKPOINT}\nCREATE TABLE b (id int);`;
    const dir = await folder([{ tag: '0000_x', when: 1, sql, breakpoints: false }]);
    const [m] = await readDrizzleMigrations(dir);
    expect(metaOf(m!)).toMatchObject({ breakpoints: false, statements: ['CREATE TABLE a (id int);\n', '\nCREATE TABLE b (id int);'] });
  });

  it('a missing folder, journal or .sql file is an error naming the path', async () => {
    const missing = join(tmpdir(), 'dbm-no-such-drizzle-folder');
    await expect(readDrizzleMigrations(missing)).rejects.toThrow(missing);
    const noJournal = await mkdtemp(join(tmpdir(), 'dbm-drizzle-read-'));
    onTestFinished(() => rm(noJournal, { recursive: true, force: true }));
    const err = await readDrizzleMigrations(noJournal).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MigrationFolderError);
    expect((err as Error).message).toContain(join(noJournal, 'meta', '_journal.json'));
    const noSql = await folder([{ tag: '0000_ok', when: 1, sql: 'SELECT 1;' }, { tag: '0001_gone', when: 2 }]);
    await expect(readDrizzleMigrations(noSql)).rejects.toThrow(join(noSql, '0001_gone.sql'));
  });

  it('a journal that is not drizzle’s is an error naming it', async () => {
    const dir = await folder([]);
    await writeFile(join(dir, 'meta', '_journal.json'), '{"entries": [{"tag": 1}]}');
    await expect(readDrizzleMigrations(dir)).rejects.toThrow(join(dir, 'meta', '_journal.json'));
    await writeFile(join(dir, 'meta', '_journal.json'), '{ not json');
    await expect(readDrizzleMigrations(dir)).rejects.toThrow(/not valid JSON/);
  });
});

describe('drizzle hash', () => {
  it('is the SHA-256 of the text’s UTF-8 bytes, with no line-ending normalisation', () => {
    const text = '\uFEFFCREATE TABLE a (id int);\r\n';
    expect(drizzleHash(text)).toBe(sha256(Buffer.from(text, 'utf8')));
    expect(drizzleHash(text)).not.toBe(drizzleHash(text.replace('\r\n', '\n')));
  });
});
