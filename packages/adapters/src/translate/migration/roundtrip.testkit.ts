/**
 * The fidelity suite for one source form: for each source migration, its earlier migrations make a template
 * database (ledgers dropped); the source runs up through its own ORM on a copy (db1); then for each target
 * form the translation runs up through the target's ORM on another copy (db2) and the catalogs must be
 * identical, and its down must bring db2 back to the template's catalog.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createDatabase, dropDatabase } from '../../../../core/src/plan/pg.testkit.js';
import { databaseUrl } from '../../code/engine.testkit.js';
import { introspect, userSchemas } from '../../knex/schema/introspect.js';
import { dropLedgers, runMigration, type OnDisk } from './orm-run.testkit.js';
import { translateMigration } from './translate.js';
import { MIGRATION_FORMS, type MigrationForm, type TranslateMigrationResult } from './types.js';

/** One source migration and the migrations that must run before it. */
export interface SourceCase {
  readonly label: string;
  readonly migration: OnDisk;
  readonly prior: readonly OnDisk[];
}

const LEDGERS = ['public.knex_migrations', 'public.knex_migrations_lock', 'public.migrations', 'public._prisma_migrations'];

/** The catalog of a database as the server prints it, ORM ledgers left out. */
export async function catalogOf(url: string): Promise<unknown> {
  const client = await connect(new URL(url).pathname.slice(1));
  try {
    const schemas = (await userSchemas(client)).filter((s) => s !== 'drizzle');
    return await introspect(client, { schemas, exclude: LEDGERS });
  } finally {
    await client.end();
  }
}

/** Where the translated migration is, as {@link runMigration} takes it. */
export function translatedOnDisk(r: TranslateMigrationResult): OnDisk {
  const first = r.files[0]!.path;
  return { form: r.target, path: r.target === 'prisma' ? path.dirname(first) : first };
}

/** A fresh copy of `template`, its URL, and a way to drop it. */
export async function copyOf(admin: pg.Client, template: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = await createDatabase(admin, prefix, template);
  return { url: databaseUrl(name), drop: () => dropDatabase(admin, name) };
}

/** Defines the suite for `cases`, translated to each of `targets`. */
export function translationSuite(cases: readonly SourceCase[], targets: readonly MigrationForm[] = MIGRATION_FORMS): void {
  for (const c of cases) {
    describe(c.label, () => {
      let admin: pg.Client;
      let template: string;
      let prior: unknown;
      let afterSource: unknown;
      beforeAll(async () => {
        admin = await connect();
        template = await createDatabase(admin, 'dbm_tm_tpl');
        for (const p of c.prior) await runMigration(databaseUrl(template), p, 'up');
        await dropLedgers(databaseUrl(template));
        prior = await catalogOf(databaseUrl(template));
        const db1 = await copyOf(admin, template, 'dbm_tm_src');
        try {
          await runMigration(db1.url, c.migration, 'up');
          afterSource = await catalogOf(db1.url);
        } finally {
          await db1.drop();
        }
        expect(afterSource).not.toEqual(prior);
      });
      afterAll(async () => {
        if (template) await dropDatabase(admin, template);
        await admin?.end();
      });

      for (const to of targets) {
        it(`→ ${to}: same catalog up, the prior one after down`, async () => {
          const outDir = await mkdtemp(path.join(tmpdir(), `dbm-tm-${to}-`));
          const db2 = await copyOf(admin, template, 'dbm_tm_dst');
          try {
            const r = await translateMigration(c.migration.path, { to, outDir });
            const raw = r.warnings.filter((w) => w.code === 'raw-sql');
            if (to === 'knex') expect(r.files[0]!.text.split('knex.raw(').length - 1).toBeGreaterThanOrEqual(raw.length);
            else expect(raw).toEqual([]);
            const target = translatedOnDisk(r);
            await runMigration(db2.url, target, 'up', { ownMigrator: to === 'drizzle' && r.transactional });
            expect(await catalogOf(db2.url)).toEqual(afterSource);
            await runMigration(db2.url, target, 'down');
            expect(await catalogOf(db2.url)).toEqual(prior);
          } finally {
            await db2.drop();
            await rm(outDir, { recursive: true, force: true });
          }
        });
      }
    });
  }
}
