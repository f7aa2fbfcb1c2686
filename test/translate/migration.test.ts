/**
 * `dbm translate migration <file> --to <form>` through its command: a SQL migration becomes a knex migration
 * that knex's own migrator runs to the same catalog and rolls back; the JSON and human reports list the
 * files and the warnings; bad input exits 2 and writes nothing.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Knex } from 'knex';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadPostgresParser, parsePostgres } from '@dbm/core';
import { readFileSync } from 'node:fs';
import { runTranslateMigration, translateMigrationCommand, type TranslateMigrationArgs } from '../../packages/cli/src/commands/translate-migration.js';
import { catalog, dropDatabase, freshDatabase, urlOf, withDb } from '../executor/db.js';
import { ormPackage } from '../orm-agreement/orm-packages.js';

// knex as the adapters package resolves it (this package does not depend on it)
const knex = ormPackage<(config: Knex.Config) => Knex>('knex');

const SHOP = fileURLToPath(new URL('../../packages/adapters/src/translate/migration/testdata/20250301120000_shop.sql', import.meta.url));

let out: string;
let stdout: string;
beforeEach(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'dbm-tm-cli-'));
  stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(out, { recursive: true, force: true });
});

const translate = (args: Partial<TranslateMigrationArgs>) => runTranslateMigration({ file: SHOP, to: 'knex', out, ...args } as TranslateMigrationArgs);

describe('dbm translate migration', () => {
  it('is the "migration <file>" sub-command with --to, --out, --name, --json, --force', () => {
    expect(translateMigrationCommand.command).toBe('migration <file>');
    expect(translateMigrationCommand.run).toBe(runTranslateMigration);
  });

  it('writes a knex migration that knex runs to the same catalog as the SQL, and rolls back', async () => {
    expect(await translate({ json: true })).toBe(0);
    const report = JSON.parse(stdout) as { migration: string; files: string[]; warnings: { code: string; direction: string; sql: string }[]; downFrom: string };
    expect(report.migration).toBe('20250301120000_shop.js');
    expect(report.files).toEqual([path.join(out, '20250301120000_shop.js')]);
    expect(report.downFrom).toBe('source');
    expect(report.warnings.filter((w) => w.code === 'raw-sql').map((w) => w.sql)).toContain(
      `CREATE VIEW "open_orders" AS SELECT "id", "customer_id" FROM "orders" WHERE "state" <> 'shipped'`,
    );

    await loadPostgresParser();
    const expected = await freshDatabase('dbm_tm_cli_sql');
    const translated = await freshDatabase('dbm_tm_cli_knex');
    try {
      const sqlCatalog = await withDb(expected, async (c) => {
        for (const s of parsePostgres(readFileSync(SHOP, 'utf8')).statements) await c.query(s.sql);
        return catalog(c);
      });
      const db = knex({ client: 'pg', connection: urlOf(translated) });
      try {
        await db.migrate.latest({ directory: out });
        // knex's own ledger (knex_migrations, knex_migrations_lock) is not the migration's schema
        const own = (rows: string[]) => rows.filter((r) => !r.includes('knex_migrations'));
        expect(own(await withDb(translated, catalog))).toEqual(sqlCatalog);
        await db.migrate.rollback({ directory: out });
        expect(own(await withDb(translated, catalog))).toEqual([]);
      } finally {
        await db.destroy();
      }
    } finally {
      await dropDatabase(expected);
      await dropDatabase(translated);
    }
  });

  it('prints the files and every warning for a person, and writes nothing with --dry-run', async () => {
    expect(await translate({ to: 'prisma', 'dry-run': true, name: 'shop orders' })).toBe(0);
    expect(stdout).toContain('sql → prisma');
    expect(stdout).toContain('would write');
    expect(stdout).toContain('20250301120000_shop_orders/migration.sql');
    expect(stdout).toContain("down: the source's own; runs in a transaction");
    expect(await readdir(out)).toEqual([]);
    stdout = '';
    expect(await translate({ to: 'drizzle' })).toBe(0);
    expect(stdout).toContain('1 warning(s)');
    expect(stdout).toContain('drizzle-snapshot');
    expect((await readdir(out)).sort()).toEqual(['0000_shop.down.sql', '0000_shop.sql', 'meta']);
  });

  it('exits 2 on input it cannot translate, and on a file that exists (unless --force)', async () => {
    await expect(translate({ file: path.join(out, 'missing.sql') })).rejects.toMatchObject({ code: 2, message: expect.stringMatching(/no such file/) });
    await expect(translate({ to: 'mysql' as never })).rejects.toMatchObject({ code: 2 });
    expect(await translate({})).toBe(0);
    await expect(translate({})).rejects.toMatchObject({ code: 2, message: expect.stringMatching(/exists already: nothing was written/) });
    expect(await translate({ force: true })).toBe(0);
  });
});
