/**
 * generatePrismaMigration on a copy of the fixture app: Prisma's engine diffs the migrations (replayed
 * into an embedded PGlite) against the schema, the safety pass rewrites, Prisma folders are written. The
 * written folders then run as the Prisma CLI runs them, on the real server, and Prisma finds no drift.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import type pg from 'pg';
import { connect, createDatabase, dropDatabase } from '../../../core/src/plan/pg.testkit.js';
import { databaseUrl } from '../sql-apply.testkit.js';
import { openPrismaEngine } from './engine.js';
import { generatePrismaMigration } from './generate.js';
import { PrismaProjectError } from './project-error.js';
import { describePrismaProject } from './project.js';
import { deploy, diagnose } from './prisma.testkit.js';

const APP = join(dirname(fileURLToPath(import.meta.url)), 'testdata', 'app');
const NOW = new Date(Date.UTC(2026, 0, 1, 12, 0, 0));
const LONG = 180_000;

/** A writable copy of the fixture app (schema + three migrations), removed after the test. */
async function app(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'dbm-prisma-gen-'));
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  await cp(APP, root, { recursive: true });
  return root;
}

const project = (root: string) => describePrismaProject(root, { orm: 'prisma', reasons: ['test'] });
const folders = async (root: string) => (await readdir(join(root, 'prisma', 'migrations'), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();

/** A NOT NULL column with a default, an index and a foreign key on the existing Order table, a new table. */
async function editSchema(root: string): Promise<void> {
  const path = join(root, 'prisma', 'schema.prisma');
  const schema = (await readFile(path, 'utf8'))
    .replace('  total  Int\n', '  total  Int\n  status String @default("new")\n  couponId Int? @map("coupon_id")\n  coupon Coupon? @relation(fields: [couponId], references: [id])\n')
    .replace('  @@index([userId])\n', '  @@index([userId])\n  @@index([total])\n');
  await writeFile(path, `${schema}\nmodel Coupon {\n  id     Int     @id @default(autoincrement())\n  code   String  @unique\n  orders Order[]\n}\n`);
}

let admin: pg.Client | undefined;
afterAll(async () => {
  await admin?.end();
});

/** A fresh database on the real server, dropped after the test. */
async function database(): Promise<string> {
  admin ??= await connect();
  const name = await createDatabase(admin, 'dbm_prisma_gen');
  onTestFinished(() => dropDatabase(admin!, name));
  return name;
}

describe('generatePrismaMigration', () => {
  it('writes nothing when the schema and the migrations agree', async () => {
    const root = await app();
    const before = await folders(root);
    const result = await generatePrismaMigration(await project(root), { name: 'nothing', now: NOW });
    expect(result).toEqual({ files: [], migrations: [], changes: [], notes: [] });
    expect(await folders(root)).toEqual(before);
  }, LONG);

  it("writes Prisma's migration in its safe form, folders that replay to exactly the schema", async () => {
    const root = await app();
    await editSchema(root);
    const p = await project(root);
    const result = await generatePrismaMigration(p, { name: 'coupons', now: NOW });
    expect(result.migrations[0]).toBe('20260101120000_coupons');
    expect(result.migrations.slice(1)).toEqual(result.migrations.slice(1).map((_, i) => `2026010112000${i + 1}_coupons_${i + 2}`));
    expect(await folders(root)).toEqual([...['20250101000000_users', '20250102000000_orders', '20250103000000_display_name'], ...result.migrations]);
    for (const m of result.migrations) expect(result.files).toContain(join(p.migrationsDir, m, 'migration.sql'));
    const sql = await Promise.all(result.migrations.map((m) => readFile(join(p.migrationsDir, m, 'migration.sql'), 'utf8')));
    expect(sql.join('\n')).toContain('CREATE INDEX CONCURRENTLY "Order_total_idx" ON "Order" ("total");');
    expect(sql.join('\n')).toMatch(/"Order_coupon_id_fkey" FOREIGN KEY[^;]*NOT VALID;/);
    expect(result.changes.some((c) => /CONCURRENTLY/.test(c.what))).toBe(true);
    expect(result.changes.some((c) => /NOT VALID/.test(c.what))).toBe(true);
    // the migrations now build exactly the schema: Prisma's engine finds nothing more to generate
    const again = await generatePrismaMigration(await project(root), { name: 'again', now: NOW });
    expect(again.files).toEqual([]);
  }, LONG);

  it('the written folders run as the Prisma CLI runs them (one script each) and as Prisma deploys them; Prisma sees no drift', async () => {
    const root = await app();
    await editSchema(root);
    const p = await project(root);
    await generatePrismaMigration(p, { name: 'coupons', now: NOW });
    const schema = [{ path: 'prisma/schema.prisma', content: await readFile(join(root, 'prisma', 'schema.prisma'), 'utf8') }];
    // the native CLI sends each migration.sql as one multi-statement query
    const script = await database();
    const client = await connect(script);
    try {
      for (const m of await folders(root)) await client.query(await readFile(join(p.migrationsDir, m, 'migration.sql'), 'utf8'));
    } finally {
      await client.end();
    }
    // Prisma's own deploy (the wasm engine), then its status: everything applied, nothing failed or edited
    const deployed = await database();
    const prisma = await openPrismaEngine(databaseUrl(deployed), { schemaFiles: schema });
    try {
      expect(await deploy(prisma, p.migrationsDir)).toEqual(await folders(root));
      expect(await diagnose(prisma, p.migrationsDir)).toMatchObject({ failedMigrationNames: [], editedMigrationNames: [], history: null });
    } finally {
      await prisma.close();
    }
    for (const db of [script, deployed]) {
      const engine = await openPrismaEngine(databaseUrl(db), { schemaFiles: schema });
      try {
        const filters = { externalTables: [], externalEnums: [] };
        const drift = await engine.engine.diff({ from: { tag: 'schemaDatasource', files: schema, configDir: root }, to: { tag: 'schemaDatamodel', files: schema }, script: true, exitCode: null, filters });
        expect(drift.stdout?.trim(), db).toBe('-- This is an empty migration.');
      } finally {
        await engine.close();
      }
    }
  }, LONG);

  it('starts a history: the first migration and migration_lock.toml', async () => {
    const root = await app();
    await rm(join(root, 'prisma', 'migrations'), { recursive: true });
    const result = await generatePrismaMigration(await project(root), { name: 'init', now: NOW });
    expect(result.migrations).toEqual(['20260101120000_init']);
    expect(await readFile(join(root, 'prisma', 'migrations', 'migration_lock.toml'), 'utf8')).toBe(
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
    const sql = await readFile(join(root, 'prisma', 'migrations', '20260101120000_init', 'migration.sql'), 'utf8');
    expect(sql).toContain('-- CreateTable\nCREATE TABLE "User" (\n    "id" SERIAL NOT NULL,');
    expect(sql).toContain('-- AddForeignKey\nALTER TABLE "Order" ADD CONSTRAINT "Order_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;');
  }, LONG);

  it('a history that creates extensions (uuid-ossp, citext) replays in the embedded shadow database', async () => {
    const root = await app();
    const first = join(root, 'prisma', 'migrations', '20250101000000_users', 'migration.sql');
    await writeFile(first, `CREATE EXTENSION IF NOT EXISTS "uuid-ossp";\nCREATE EXTENSION IF NOT EXISTS citext;\n\n${await readFile(first, 'utf8')}`);
    const result = await generatePrismaMigration(await project(root), { name: 'nothing', now: NOW });
    expect(result.files).toEqual([]);
  }, LONG);

  it('a migration that fails on the shadow database: an error naming it, nothing written', async () => {
    const root = await app();
    await editSchema(root);
    await writeFile(join(root, 'prisma', 'migrations', '20250103000000_display_name', 'migration.sql'), 'ALTER TABLE "Nope" ADD COLUMN "x" TEXT;\n');
    const before = await folders(root);
    const err = await generatePrismaMigration(await project(root), { name: 'x', now: NOW }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrismaProjectError);
    expect((err as Error).message).toContain('migration 20250103000000_display_name failed to apply cleanly to the shadow database');
    expect((err as Error).message).toContain('relation "Nope" does not exist');
    expect(await folders(root)).toEqual(before);
  }, LONG);

  it('a migrations folder locked to another provider: an error, nothing written', async () => {
    const root = await app();
    await editSchema(root);
    await writeFile(join(root, 'prisma', 'migrations', 'migration_lock.toml'), 'provider = "mysql"\n');
    const before = await folders(root);
    await expect(generatePrismaMigration(await project(root), { name: 'x', now: NOW })).rejects.toThrow(/made for "mysql".*datasource is "postgresql"/);
    expect(await folders(root)).toEqual(before);
  }, LONG);

  it('refuses a name Prisma could not use as a folder name', async () => {
    const root = await app();
    await expect(generatePrismaMigration(await project(root), { name: '../x', now: NOW })).rejects.toThrow(PrismaProjectError);
  }, LONG);
});
