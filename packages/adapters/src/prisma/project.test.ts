/** Detecting and describing Prisma packages: evidence, prisma.config.ts, the schema and its errors (no database). */
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { DetectionError } from '../detect.js';
import { detectPrisma } from './detect.js';
import { PrismaProjectError } from './project-error.js';
import { describePrismaProject, readPrismaProject } from './project.js';

const EXAMPLE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'examples', 'prisma-postgres');
const SCHEMA = 'datasource db {\n  provider = "postgresql"\n}\n\nmodel User {\n  id    Int    @id @default(autoincrement())\n  email String @unique\n}\n';
const CONFIG = "import { defineConfig, env } from 'prisma/config';\n\nexport default defineConfig({\n  schema: 'prisma/schema.prisma',\n  migrations: { path: 'prisma/migrations' },\n  datasource: { url: env('DATABASE_URL') },\n});\n";

/** A package directory holding `files`; `prisma` links the example's installed packages (prisma/config). */
async function pkg(files: Record<string, string>, options: { prisma?: boolean } = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'dbm-prisma-project-'));
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  if (options.prisma) await symlink(join(EXAMPLE, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

const evidence = { orm: 'prisma' as const, reasons: ['test'] };
const saved = process.env.DATABASE_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = saved;
});

describe('detectPrisma', () => {
  it('lists every sign: the dependencies, the config, the schema, the migrations folder', async () => {
    const root = await pkg({
      'package.json': JSON.stringify({ dependencies: { '@prisma/client': '7' }, devDependencies: { prisma: '7' } }),
      'prisma.config.ts': CONFIG,
      'prisma/schema.prisma': SCHEMA,
      'prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n',
      'prisma/migrations/20250101000000_init/migration.sql': 'SELECT 1;\n',
    });
    expect(await detectPrisma(root)).toEqual({
      orm: 'prisma',
      reasons: ['package.json depends on prisma', 'package.json depends on @prisma/client', 'prisma.config.ts', 'prisma/schema.prisma', 'prisma/migrations (1 migration)'],
    });
  });

  it('finds a lone schema.prisma, and nothing in a package without Prisma (or with a broken package.json)', async () => {
    expect((await detectPrisma(await pkg({ 'schema.prisma': SCHEMA })))?.reasons).toEqual(['schema.prisma']);
    expect(await detectPrisma(await pkg({ 'package.json': JSON.stringify({ dependencies: { knex: '3' } }) }))).toBeUndefined();
    expect(await detectPrisma(await pkg({ 'package.json': '{ not json' }))).toBeUndefined();
  });
});

describe('describePrismaProject', () => {
  it("reads prisma.config.ts like Prisma: paths from the config's folder, the URL's variable even when it is unset", async () => {
    delete process.env.DATABASE_URL;
    const root = await pkg({ 'package.json': '{"type":"module"}', 'prisma.config.ts': CONFIG, 'prisma/schema.prisma': SCHEMA }, { prisma: true });
    const p = await describePrismaProject(root, evidence);
    expect(p).toMatchObject({
      orm: 'prisma',
      dialect: 'postgresql',
      root,
      migrationsDir: join(root, 'prisma', 'migrations'),
      schemaPath: join(root, 'prisma', 'schema.prisma'),
      configPath: join(root, 'prisma.config.ts'),
      url: { env: 'DATABASE_URL' },
    });
    expect(p.evidence).toEqual(['test', 'datasource provider "postgresql" in prisma/schema.prisma']);
    // the stand-in value used to read the config is gone again
    expect(process.env.DATABASE_URL).toBeUndefined();
    process.env.DATABASE_URL = 'postgres://u:secret@db.test:5432/shop';
    expect((await describePrismaProject(root, evidence)).url).toEqual({ env: 'DATABASE_URL' });
  });

  it('reads a plain `export default {...}` config (no prisma package needed), in an ES module or a CommonJS package', async () => {
    const config = "export default {\n  schema: 'db/shop.prisma',\n  migrations: { path: 'db/history' },\n  datasource: { url: process.env.SHOP_DB },\n};\n";
    for (const type of ['module', 'commonjs']) {
      const root = await pkg({ 'package.json': JSON.stringify({ type }), 'prisma.config.ts': config, 'db/shop.prisma': SCHEMA });
      delete process.env.SHOP_DB;
      const p = await describePrismaProject(root, evidence);
      expect(p.schemaPath).toBe(join(root, 'db', 'shop.prisma'));
      expect(p.migrationsDir).toBe(join(root, 'db', 'history'));
      // the variable is unset, so its name cannot be known: Prisma's convention
      expect(p.url).toEqual({ env: 'DATABASE_URL' });
      process.env.SHOP_DB = 'postgres://shop@127.0.0.1/shop';
      expect((await describePrismaProject(root, evidence)).url).toEqual({ env: 'SHOP_DB' });
      delete process.env.SHOP_DB;
    }
  });

  it('a literal URL in the config is the URL; without a config the schema is found in its default place', async () => {
    const literal = await pkg({ 'prisma.config.mjs': "export default { datasource: { url: 'postgres://app@127.0.0.1/app' } };\n", 'prisma/schema.prisma': SCHEMA });
    expect((await describePrismaProject(literal, evidence)).url).toEqual({ value: 'postgres://app@127.0.0.1/app' });
    const bare = await pkg({ 'schema.prisma': SCHEMA });
    const p = await describePrismaProject(bare, evidence);
    expect(p).toMatchObject({ schemaPath: join(bare, 'schema.prisma'), migrationsDir: join(bare, 'migrations'), url: { env: 'DATABASE_URL' } });
    expect(p.configPath).toBeUndefined();
  });

  it('a schema folder: every .prisma file in it, the migrations folder inside it', async () => {
    const root = await pkg({
      'prisma.config.ts': "export default { schema: 'prisma/schema' };\n",
      'prisma/schema/main.prisma': 'datasource db {\n  provider = "postgresql"\n}\n',
      'prisma/schema/user.prisma': 'model User {\n  id Int @id\n}\n',
    });
    const { project, schema } = await readPrismaProject(root, evidence);
    expect(schema.files.map((f) => f.path).sort()).toEqual(['prisma/schema/main.prisma', 'prisma/schema/user.prisma']);
    expect(project.migrationsDir).toBe(join(root, 'prisma', 'schema', 'migrations'));
    expect(schema.datasourceFile).toBe('prisma/schema/main.prisma');
  });

  it("a broken schema: Prisma's own message, naming the file and line", async () => {
    const root = await pkg({ 'prisma/schema.prisma': SCHEMA.replace('email String', 'email Strin') });
    const err = (await describePrismaProject(root, evidence).catch((e: unknown) => e)) as PrismaProjectError;
    expect(err).toBeInstanceOf(PrismaProjectError);
    expect(err).toBeInstanceOf(DetectionError);
    expect(err.userFacing).toBe(true);
    expect(err.path).toBe(join(root, 'prisma', 'schema.prisma'));
    expect(err.message).toContain('the Prisma schema prisma/schema.prisma is invalid');
    expect(err.message).toContain('Type "Strin" is neither a built-in type, nor refers to another model, composite type, or enum.');
    expect(err.message).toContain('prisma/schema.prisma:7');
    expect(err.message).not.toMatch(/\u001b\[/);
  });

  it('no schema, no datasource, a provider dbm does not drive, a config that does not load: each a clear error', async () => {
    await expect(describePrismaProject(await pkg({ 'package.json': '{"devDependencies":{"prisma":"7"}}' }), evidence)).rejects.toThrow(
      /no Prisma schema found in .*: looked for prisma\/schema\.prisma or schema\.prisma/,
    );
    await expect(describePrismaProject(await pkg({ 'prisma.config.ts': "export default { schema: 'nope.prisma' };\n" }), evidence)).rejects.toThrow(/nope\.prisma/);
    await expect(describePrismaProject(await pkg({ 'schema.prisma': 'model User {\n  id Int @id\n}\n' }), evidence)).rejects.toThrow(/has no datasource block/);
    await expect(describePrismaProject(await pkg({ 'schema.prisma': SCHEMA.replace('postgresql', 'sqlserver') }), evidence)).rejects.toThrow(
      /provider "sqlserver" is not supported by dbm/,
    );
    const throwing = await pkg({ 'prisma.config.ts': "throw new Error('config exploded');\nexport default {};\n", 'schema.prisma': SCHEMA });
    await expect(describePrismaProject(throwing, evidence)).rejects.toThrow(/cannot load the Prisma config .*prisma\.config\.ts: config exploded/);
    const missing = await pkg({ 'package.json': '{"type":"module"}', 'prisma.config.ts': CONFIG, 'prisma/schema.prisma': SCHEMA });
    await expect(describePrismaProject(missing, evidence)).rejects.toThrow(/install the project's dependencies first/);
  });

  it('MySQL and SQLite projects are described (generate is PostgreSQL only)', async () => {
    const root = await pkg({ 'schema.prisma': SCHEMA.replace('postgresql', 'mysql') });
    expect((await describePrismaProject(root, evidence)).dialect).toBe('mysql');
    expect(await readFile(join(root, 'schema.prisma'), 'utf8')).toContain('mysql');
  });
});
