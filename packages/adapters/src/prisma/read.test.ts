/** readPrismaMigrations and Prisma's checksum rules, on files (no database). */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { MigrationFolderError } from '../migration-folder-error.js';
import { prismaChecksum, prismaChecksumMatches } from './checksum.js';
import { prismaMigrationsList } from './migrations-list.js';
import { FIXTURE_MIGRATIONS } from './prisma.testkit.js';
import { readPrismaMigrations } from './read.js';

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

async function folder(migrations: Record<string, string | null>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dbm-prisma-read-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
  for (const [name, sql] of Object.entries(migrations)) {
    await mkdir(join(dir, name));
    if (sql !== null) await writeFile(join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

describe('readPrismaMigrations', () => {
  it('reads the fixture: folder names in order, SQL, checksums of the bytes, the reviewed down.sql', async () => {
    const sources = await readPrismaMigrations(FIXTURE_MIGRATIONS);
    expect(sources.map((s) => [s.name, s.order])).toEqual([
      ['20250101000000_users', 0],
      ['20250102000000_orders', 1],
      ['20250103000000_display_name', 2],
    ]);
    for (const s of sources) {
      const bytes = await readFile(s.path);
      expect(s.path).toBe(join(FIXTURE_MIGRATIONS, s.name, 'migration.sql'));
      expect(s.sql).toBe(bytes.toString('utf8'));
      expect(s.checksum).toBe(sha256(bytes));
    }
    expect(sources[1]!.sql).toContain('FOREIGN KEY');
    expect(sources.map((s) => s.downSql !== undefined)).toEqual([false, false, true]);
    expect(sources[2]!.downSql).toContain('DROP COLUMN "display_name"');
  });

  it('orders folders as the Prisma CLI does (localeCompare), whatever order they were created in', async () => {
    const dir = await folder({
      '20240301000000_c': 'SELECT 3;',
      '20240101000000_alpha': 'SELECT 1;',
      '20240101000000_Zeta': 'SELECT 2;',
      '20240201000000_b': 'SELECT 4;',
    });
    const names = (await readPrismaMigrations(dir)).map((s) => s.name);
    // code-point order would put "Zeta" before "alpha"; Prisma's localeCompare does not
    expect(names).toEqual(['20240101000000_alpha', '20240101000000_Zeta', '20240201000000_b', '20240301000000_c']);
    expect((await prismaMigrationsList(dir)).migrationDirectories.map((d) => d.path)).toEqual(names);
  });

  it('a missing folder is an error naming the path', async () => {
    const dir = join(tmpdir(), 'dbm-no-such-prisma-folder', 'migrations');
    const err = await readPrismaMigrations(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MigrationFolderError);
    expect((err as Error).message).toContain(dir);
    expect((err as MigrationFolderError).path).toBe(dir);
  });

  it('a migration folder without migration.sql is an error naming the file', async () => {
    const dir = await folder({ '20240101000000_ok': 'SELECT 1;', '20240102000000_empty': null });
    await expect(readPrismaMigrations(dir)).rejects.toThrow(join(dir, '20240102000000_empty', 'migration.sql'));
  });

  it('an empty folder has no migrations; files beside the folders are not migrations', async () => {
    const dir = await folder({});
    expect(await readPrismaMigrations(dir)).toEqual([]);
  });
});

describe('Prisma checksum', () => {
  it('is the SHA-256 of the UTF-8 text: BOM and CRLF are part of it', () => {
    expect(prismaChecksum('hello')).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
    const text = '\uFEFFCREATE TABLE a (id int);\r\n';
    expect(prismaChecksum(text)).toBe(sha256(Buffer.from(text, 'utf8')));
    expect(prismaChecksum(text)).not.toBe(prismaChecksum(text.replace('\r\n', '\n')));
  });

  it('matches as the engine matches: either line ending, and the old unpadded rendering', () => {
    const lf = 'ab\ncd\n';
    const crlf = 'ab\r\ncd\r\n';
    expect(prismaChecksumMatches(lf, prismaChecksum(crlf))).toBe(true);
    expect(prismaChecksumMatches(crlf, prismaChecksum(lf))).toBe(true);
    expect(prismaChecksumMatches('abc\n', prismaChecksum('abc'))).toBe(false);
    // sha256('hello') holds bytes below 0x10 (0x0e, ...), which the old rendering wrote as one digit
    const old = [...createHash('sha256').update('hello').digest()].map((b) => b.toString(16)).join('');
    expect(old.length).toBeLessThan(64);
    expect(prismaChecksumMatches('hello', old)).toBe(true);
    expect(prismaChecksumMatches('hello!', old)).toBe(false);
  });
});
