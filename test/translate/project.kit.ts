/**
 * Helpers for the `dbm translate` project tests: copies of the examples (node_modules linked), the built
 * CLI run in a folder, each ORM's own status and generator on a translated project, its baseline applied
 * with its own runner on a fresh database, and the catalogs of two databases to compare.
 */
import { cp, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { introspectSchema, type SchemaModel } from '@dbm/core';
import pg from 'pg';
import { introspect, userSchemas } from '../../packages/adapters/src/knex/schema/introspect.js';
import { drizzleMigrate, ranMigrationStatements } from '../../packages/adapters/src/drizzle/drizzle.testkit.js';
import { openPrismaEngine } from '../../packages/adapters/src/prisma/engine.js';
import { prismaMigrationsList } from '../../packages/adapters/src/prisma/migrations-list.js';
import { typeormGenerate } from '../../packages/adapters/src/typeorm/typeorm-generate.js';
import { connect } from '../orm-agreement/db.js';
import { show, type Run } from '../support/run.js';

export { show, type Run };

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(repo, 'packages', 'cli', 'bin', 'dbm.js');

/** The four ORMs, in the order the tests walk them. */
export const ORMS = ['prisma', 'drizzle', 'knex', 'typeorm'] as const;
export type Orm = (typeof ORMS)[number];

/** Every ORM's ledger and companion tables: bookkeeping, not the application's schema. */
export const LEDGERS = ['public._prisma_migrations', 'drizzle.__drizzle_migrations', 'public.knex_migrations', 'public.knex_migrations_lock', 'public.migrations', 'public.typeorm_metadata'];

/** The example folder of an ORM. */
export const exampleDir = (orm: Orm) => join(repo, 'examples', `${orm}-postgres`);



async function node(args: readonly string[], cwd: string, url?: string): Promise<Run> {
  const r = await execa(process.execPath, [...args], {
    cwd,
    reject: false,
    timeout: 180_000,
    extendEnv: true,
    env: { NO_COLOR: '1', FORCE_COLOR: undefined, NODE_ENV: undefined, DATABASE_URL: url },
  });
  return { code: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** Runs the built dbm in `cwd` with DATABASE_URL = `url`. */
export function dbm(args: readonly string[], cwd: string, url?: string): Promise<Run> {
  if (!existsSync(join(repo, 'packages', 'cli', 'dist', 'bin.js'))) throw new Error('the dbm CLI is not built: run `pnpm build`');
  return node([bin, ...args], cwd, url);
}

/** A temporary folder, removed by the returned function. */
export async function tempDir(prefix: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `dbm-translate-${prefix}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A copy of an example (its node_modules linked) in `into`. */
export async function copyExample(orm: Orm, into: string): Promise<string> {
  const from = exampleDir(orm);
  const dir = join(into, `${orm}-example`);
  await cp(from, dir, { recursive: true, filter: (src) => !src.startsWith(join(from, 'node_modules')) && !src.includes('/dbm-translated') });
  await symlink(join(from, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Gives a translated project the target ORM's packages (the example's node_modules), as `npm install` would. */
export async function linkModules(dir: string, orm: Orm): Promise<void> {
  await symlink(join(exampleDir(orm), 'node_modules'), join(dir, 'node_modules'), 'dir');
}

/** What an ORM's own status says of a translated project: the migrations it would still run (empty = up to date). */
export async function ownStatus(orm: Orm, dir: string, url: string): Promise<string[]> {
  switch (orm) {
    case 'prisma': {
      const prisma = await openPrismaEngine(url);
      try {
        const d = await prisma.engine.diagnoseMigrationHistory({
          migrationsList: await prismaMigrationsList(join(dir, 'prisma', 'migrations')),
          optInToShadowDatabase: false,
          filters: { externalTables: [], externalEnums: [] },
        });
        const history = d.history as { diagnostic?: string; unappliedMigrationNames?: string[] } | null;
        return [...(history?.unappliedMigrationNames ?? []), ...(history && !history.unappliedMigrationNames ? [String(history.diagnostic)] : []), ...d.failedMigrationNames, ...d.editedMigrationNames];
      } finally {
        await prisma.close();
      }
    }
    case 'drizzle': {
      // drizzle has no status: what its migrator runs is what it sees pending
      const client = await connect(url);
      try {
        const files = (await readdir(join(dir, 'drizzle'))).filter((f) => f.endsWith('.sql'));
        const { readFile } = await import('node:fs/promises');
        const statements = (await Promise.all(files.map((f) => readFile(join(dir, 'drizzle', f), 'utf8')))).flatMap((t) => t.split('--> statement-breakpoint'));
        const sent = await drizzleMigrate(client, join(dir, 'drizzle'));
        return ranMigrationStatements(sent, statements);
      } finally {
        await client.end();
      }
    }
    case 'knex': {
      const r = await node([join(dir, 'node_modules', 'knex', 'bin', 'cli.js'), 'migrate:list'], dir, url);
      if (r.code !== 0) throw new Error(`knex migrate:list failed\n${show(r)}`);
      const pending = /Found (\d+) Pending Migration/.exec(r.stdout);
      if (!pending && !/No Pending Migration files Found/.test(r.stdout)) throw new Error(`unexpected knex migrate:list output\n${show(r)}`);
      return pending ? [r.stdout] : [];
    }
    case 'typeorm': {
      const r = await node(['--import', 'tsx', join(dir, 'node_modules', 'typeorm', 'cli.js'), 'migration:show', '-d', 'src/data-source.ts'], dir, url);
      if (r.code !== 0) throw new Error(`typeorm migration:show failed\n${show(r)}`);
      const pending = r.stdout.split('\n').filter((l) => /^\s*\[ \]/.test(l));
      if (!/\[X\]/.test(r.stdout)) throw new Error(`migration:show lists no applied migration\n${show(r)}`);
      return pending;
    }
  }
}

/**
 * What an ORM's own generator would write now (empty = no difference): Prisma's and drizzle-kit's through
 * dbm generate (their engines, in process), TypeORM's migration:generate. knex has no generator.
 */
export async function ownGenerator(orm: Orm, dir: string, url: string): Promise<string | undefined> {
  switch (orm) {
    case 'prisma':
    case 'drizzle': {
      const r = await dbm(['generate', 'translate_check', '--json'], dir, url);
      if (r.code !== 0) throw new Error(`dbm generate failed\n${show(r)}`);
      const out = JSON.parse(r.stdout) as { files: string[] };
      if (!out.files.length) return '';
      const { readFile } = await import('node:fs/promises');
      const text = (await Promise.all(out.files.map((f) => readFile(f, 'utf8')))).join('\n');
      // the check leaves the project as it was: a Prisma migration folder, or drizzle's sql, snapshot and journal entry
      if (orm === 'prisma') await Promise.all(out.files.map((f) => rm(dirname(f), { recursive: true, force: true })));
      else throw new Error(`drizzle-kit generated a migration after the translation:\n${text}`);
      return text;
    }
    case 'typeorm': {
      const g = await typeormGenerate({ root: dir, dataSource: join(dir, 'src', 'data-source.ts'), name: 'Check', timestamp: 1900000000000, url, urlEnv: 'DATABASE_URL' });
      return g ? g.up.join(';\n') : '';
    }
    case 'knex':
      return undefined;
  }
}

/** Runs the translated project's baseline on an empty database with the ORM's own runner. */
export async function ownApply(orm: Orm, dir: string, url: string): Promise<void> {
  switch (orm) {
    case 'prisma': {
      const prisma = await openPrismaEngine(url);
      try {
        const out = await prisma.engine.applyMigrations({ migrationsList: await prismaMigrationsList(join(dir, 'prisma', 'migrations')), filters: { externalTables: [], externalEnums: [] } });
        if (out.appliedMigrationNames.length !== 1) throw new Error(`Prisma applied ${out.appliedMigrationNames.join(', ')}`);
      } finally {
        await prisma.close();
      }
      return;
    }
    case 'drizzle': {
      const client = await connect(url);
      try {
        await drizzleMigrate(client, join(dir, 'drizzle'));
      } finally {
        await client.end();
      }
      return;
    }
    case 'knex': {
      const r = await node([join(dir, 'node_modules', 'knex', 'bin', 'cli.js'), 'migrate:latest'], dir, url);
      if (r.code !== 0 || !/Batch 1 run: 1 migrations/.test(r.stdout)) throw new Error(`knex migrate:latest failed\n${show(r)}`);
      return;
    }
    case 'typeorm': {
      const r = await node(['--import', 'tsx', join(dir, 'node_modules', 'typeorm', 'cli.js'), 'migration:run', '-d', 'src/data-source.ts'], dir, url);
      if (r.code !== 0 || !/Migration Baseline\d+ has been\s+executed successfully/.test(r.stdout)) throw new Error(`typeorm migration:run failed\n${show(r)}`);
    }
  }
}

/** The schema of a database as the model sees it and as the server prints it, without any ORM's ledger. */
export async function catalogs(url: string): Promise<{ model: SchemaModel; text: unknown }> {
  const client = await connect(url);
  try {
    const schemas = (await userSchemas(client)).filter((s) => s !== 'drizzle');
    const text = await introspect(client, { schemas, exclude: LEDGERS });
    return { model: await introspectSchema(client, { schemas, exclude: LEDGERS }), text };
  } finally {
    await client.end();
  }
}

/** Runs SQL on the database at `url`. */
export async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(url: string, text: string): Promise<T[]> {
  const client = await connect(url);
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}
