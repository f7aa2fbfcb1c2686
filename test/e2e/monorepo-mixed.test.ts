/**
 * examples/monorepo-mixed end to end, through the built `dbm` binary on the real PostgreSQL server: a pnpm
 * workspace with Prisma, drizzle, knex and TypeORM in four packages sharing one database, each with its own
 * ledger. Root status, apply --all in dependency order, the ORMs' own status commands agreeing, a schema
 * change generated, applied and rolled back in one package with --filter, a deliberately shared ledger
 * warned about with its fix (and still read by migration name), and a filter that matches nothing.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropDatabase, freshDatabase, urlOf, withDb } from '../executor/db.js';
import { parseMigrationShow } from './typeorm-postgres.kit.js';
import { show, type Run } from '../support/run.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXAMPLE = join(repo, 'examples', 'monorepo-mixed');
const BIN = join(repo, 'packages', 'cli', 'bin', 'dbm.js');
const PACKAGES = ['apps/api', 'services/billing', 'services/legacy', 'packages/analytics', 'packages/shared'];


/** A copy of the example: files copied, each package's node_modules linked to the installed one. */
async function exampleCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dbm-e2e-monorepo-'));
  await cp(EXAMPLE, dir, { recursive: true, filter: (src) => !src.split('/').includes('node_modules') });
  for (const p of PACKAGES) {
    if (existsSync(join(EXAMPLE, p, 'node_modules'))) await symlink(join(EXAMPLE, p, 'node_modules'), join(dir, p, 'node_modules'), 'dir');
  }
  return dir;
}

describe('examples/monorepo-mixed end to end', () => {
  let root: string;
  let db: string;
  let url: string;
  /** A command in the copy, as a user runs it: NODE_ENV unset (vitest sets it), DATABASE_URL the test database. */
  const exec = async (cmd: string[], cwd = root): Promise<Run> => {
    const r = await execa(process.execPath, cmd, { cwd, reject: false, timeout: 180_000, env: { NO_COLOR: '1', FORCE_COLOR: undefined, NODE_ENV: undefined, DATABASE_URL: url } });
    return { code: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
  };
  const dbm = (...args: string[]) => exec([BIN, ...args]);
  const sql = <T = Record<string, unknown>>(text: string) => withDb(db, async (c) => (await c.query(text)).rows as T[]);
  const statusJson = async () => {
    const r = await dbm('status', '--json');
    return { code: r.code, packages: Object.fromEntries((JSON.parse(r.stdout).packages as { name: string }[]).map((p) => [p.name, p])) as Record<string, Record<string, unknown>>, raw: r };
  };

  beforeAll(async () => {
    if (!existsSync(join(repo, 'packages', 'cli', 'dist', 'bin.js'))) throw new Error('the dbm CLI is not built: run `pnpm build`');
    root = await exampleCopy();
    db = await freshDatabase('dbm_e2e_monorepo');
    url = urlOf(db);
  });
  afterAll(async () => {
    if (db) await dropDatabase(db);
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('dbm status at the root: one table of every package, all pending (exit 2), the library skipped', async () => {
    const r = await dbm('status');
    expect(r.code, show(r)).toBe(2);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^package\s+orm\s+dialect\s+applied\s+pending\s+drift\s+note$/);
    for (const [name, orm] of [['@mixed/api', 'prisma'], ['@mixed/billing', 'knex'], ['@mixed/legacy', 'typeorm'], ['@mixed/analytics', 'drizzle']]) {
      expect(lines.find((l) => l.startsWith(`${name} `)), show(r)).toMatch(new RegExp(`^${name}\\s+${orm}\\s+postgresql\\s+0\\s+2\\s+0$`));
    }
    expect(lines.find((l) => l.startsWith('@mixed/shared '))).toMatch(/skipped: no ORM$/);
    expect(r.stdout).toContain('4 packages read: 0 applied, 8 pending, 0 drift; 1 skipped (no ORM)');
    expect(r.stderr).not.toContain('warning');
  });

  it('dbm detect at the root: every package with its ORM and migrations; --filter narrows it, --json for tools', async () => {
    const r = await dbm('detect');
    expect(r.code, show(r)).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^package\s+orm\s+dialect\s+migrations\s+config$/);
    expect(lines.find((l) => l.startsWith('@mixed/billing '))).toMatch(/^@mixed\/billing\s+knex\s+postgresql\s+services\/billing\/migrations\s+services\/billing\/knexfile\.js$/);
    expect(lines.find((l) => l.startsWith('@mixed/api '))).toMatch(/\sprisma\s+postgresql\s+apps\/api\/prisma\/migrations\s/);
    expect(lines.find((l) => l.startsWith('@mixed/shared '))).toMatch(/no ORM$/);
    const one = await dbm('detect', '--filter', '@mixed/legacy', '--json');
    expect(one.code, show(one)).toBe(0);
    const json = JSON.parse(one.stdout) as { packages: { name: string; orm?: string; kind: string }[] };
    expect(json.packages).toEqual([expect.objectContaining({ name: '@mixed/legacy', orm: 'typeorm', kind: 'project' })]);
  });

  it('apply needs --all or --filter at a workspace root; --filter nosuch is a clear error (exit 2)', async () => {
    const bare = await dbm('apply');
    expect(bare.code, show(bare)).toBe(2);
    expect(bare.stderr).toContain('is a workspace root: pass --all to apply every package in dependency order, or --filter <name>');
    const nosuch = await dbm('status', '--filter', 'nosuch');
    expect(nosuch.code, show(nosuch)).toBe(2);
    expect(nosuch.stderr).toMatch(/^dbm: --filter nosuch matches no workspace package; the packages are: @mixed\/api \(apps\/api\), /);
    expect(nosuch.stderr).not.toMatch(/\n\s+at /);
    expect(await sql("SELECT 1 FROM pg_tables WHERE schemaname = 'public'")).toEqual([]);
  });

  it('dbm apply --all runs the packages in the order of the dependency graph; status is clean (exit 0)', async () => {
    const r = await dbm('apply', '--all');
    expect(r.code, show(r)).toBe(0);
    // api depends on billing, billing on legacy; analytics on shared (no ORM)
    const order = [...r.stdout.matchAll(/^▶ (\S+)/gm)].map((m) => m[1]);
    expect(order).toEqual(['@mixed/legacy', '@mixed/analytics', '@mixed/billing', '@mixed/api']);
    expect(r.stdout).toContain('4 packages done, 8 migrations applied');
    expect(r.stdout).toContain('skipped (no ORM): @mixed/shared');
    const status = await dbm('status');
    expect(status.code, show(status)).toBe(0);
    expect(status.stdout).toContain('4 packages read: 8 applied, 0 pending, 0 drift');
    // each package in its own ledger, none in an ORM's default table but Prisma's
    const ledgers = await sql<{ t: string }>("SELECT schemaname || '.' || tablename AS t FROM pg_tables WHERE tablename LIKE '%migrations%' ORDER BY 1");
    expect(ledgers.map((l) => l.t)).toEqual(['drizzle.__drizzle_migrations_analytics', 'public._prisma_migrations', 'public.knex_migrations_billing', 'public.knex_migrations_billing_lock', 'public.legacy_migrations']);
  });

  it('the ORMs’ own status commands agree: knex migrate:list and TypeORM migration:show', async () => {
    const billing = join(root, 'services', 'billing');
    const list = await exec([join(billing, 'node_modules', 'knex', 'bin', 'cli.js'), 'migrate:list'], billing);
    expect(list.code, show(list)).toBe(0);
    expect(list.stdout).toContain('Found 2 Completed Migration file/files.');
    expect(list.stdout).toContain('No Pending Migration files Found.');
    const legacy = join(root, 'services', 'legacy');
    const shown = await exec(['--import', 'tsx', join(legacy, 'node_modules', 'typeorm', 'cli.js'), 'migration:show', '-d', 'src/data-source.ts'], legacy);
    expect(shown.code, show(shown)).toBe(0);
    expect(parseMigrationShow(shown.stdout)).toEqual({ applied: ['CreateCustomers1795400000000', 'CreateNotes1795400100000'], pending: [] });
  });

  it('a schema change in one package: generate --filter writes it there, status shows it pending', async () => {
    const schema = join(root, 'packages', 'analytics', 'src', 'schema.ts');
    const text = await readFile(schema, 'utf8');
    const edited = text.replace("  name: text('name').notNull(),\n", "  name: text('name').notNull(),\n  source: text('source'),\n");
    expect(edited).not.toBe(text);
    await writeFile(schema, edited);
    const r = await dbm('generate', 'event_source', '--filter', './packages/analytics');
    expect(r.code, show(r)).toBe(0);
    const written = (await readdir(join(root, 'packages', 'analytics', 'drizzle'))).filter((f) => f.endsWith('.sql'));
    expect(written).toEqual(['0000_events.sql', '0001_page_views.sql', '0002_event_source.down.sql', '0002_event_source.sql']);
    expect(await readFile(join(root, 'packages', 'analytics', 'drizzle', '0002_event_source.sql'), 'utf8')).toContain('ADD COLUMN "source" text');
    const s = await statusJson();
    expect(s.code, show(s.raw)).toBe(2);
    expect(s.packages['@mixed/analytics']).toMatchObject({ applied: 2, pending: 1, drift: 0 });
    expect(s.packages['@mixed/api']).toMatchObject({ applied: 2, pending: 0, drift: 0 });
  });

  it('apply --filter runs only that package; rollback --filter undoes it; status shows it pending again', async () => {
    const applied = await dbm('apply', '--filter', '@mixed/analytics');
    expect(applied.code, show(applied)).toBe(0);
    expect([...applied.stdout.matchAll(/^▶ (\S+)/gm)].map((m) => m[1])).toEqual(['@mixed/analytics']);
    expect(applied.stdout).toContain('applied 0002_event_source');
    expect(await sql("SELECT column_name FROM information_schema.columns WHERE table_name = 'analytics_events' AND column_name = 'source'")).toHaveLength(1);
    expect((await dbm('status')).code).toBe(0);

    // an unknown flag is a usage error before anything runs (rollback has no --dry-run)
    const unknown = await dbm('rollback', '--filter', 'analytics', '--dry-run');
    expect(unknown.code, show(unknown)).toBe(2);
    expect(unknown.stderr).toContain('Unknown arguments: dry-run');
    expect(await sql("SELECT column_name FROM information_schema.columns WHERE table_name = 'analytics_events' AND column_name = 'source'")).toHaveLength(1);

    const rolled = await dbm('rollback', '--filter', 'analytics');
    expect(rolled.code, show(rolled)).toBe(0);
    expect(rolled.stdout).toContain('rolled back 0002_event_source');
    expect(await sql("SELECT column_name FROM information_schema.columns WHERE table_name = 'analytics_events' AND column_name = 'source'")).toEqual([]);
    const s = await statusJson();
    expect(s.code, show(s.raw)).toBe(2);
    expect(s.packages['@mixed/analytics']).toMatchObject({ applied: 2, pending: 1, drift: 0 });
    for (const other of ['@mixed/api', '@mixed/billing', '@mixed/legacy']) expect(s.packages[other]).toMatchObject({ pending: 0, drift: 0 });
  });

  it('a second drizzle package on analytics’ ledger: warned with the fix, and each package still read by migration name', async () => {
    const reports = join(root, 'packages', 'reports');
    await mkdir(join(reports, 'drizzle', 'meta'), { recursive: true });
    await symlink(join(EXAMPLE, 'packages', 'analytics', 'node_modules'), join(reports, 'node_modules'), 'dir');
    await writeFile(join(reports, 'package.json'), JSON.stringify({ name: '@mixed/reports', private: true, type: 'module', devDependencies: { 'drizzle-kit': '0.31.11' } }));
    await writeFile(
      join(reports, 'drizzle.config.ts'),
      "import { defineConfig } from 'drizzle-kit';\nexport default defineConfig({ dialect: 'postgresql', out: './drizzle', dbCredentials: { url: process.env.DATABASE_URL! }, migrations: { table: '__drizzle_migrations_analytics', schema: 'drizzle' } });\n",
    );
    // an older journal time than analytics' rows: drizzle's own migrator would never run it
    const journal = { version: '7', dialect: 'postgresql', entries: [{ idx: 0, version: '7', when: 1700000000000, tag: '0000_reports', breakpoints: true }] };
    await writeFile(join(reports, 'drizzle', 'meta', '_journal.json'), JSON.stringify(journal));
    await writeFile(join(reports, 'drizzle', '0000_reports.sql'), 'CREATE TABLE "reports" ("id" serial PRIMARY KEY NOT NULL);');

    const r = await dbm('status');
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).toContain('warning: @mixed/analytics (drizzle), @mixed/reports (drizzle) keep their history in the same table drizzle.__drizzle_migrations_analytics');
    expect(r.stderr).toContain("@mixed/reports: in drizzle.config.ts set migrations: { table: '__drizzle_migrations_reports', schema: 'drizzle' }");
    expect(r.stdout.split('\n').find((l) => l.startsWith('@mixed/reports '))).toMatch(/drizzle\s+postgresql\s+0\s+1\s+0/);

    const applied = await dbm('apply', '--filter', '@mixed/reports');
    expect(applied.code, show(applied)).toBe(0);
    expect(applied.stdout).toContain('applied 0000_reports');
    const s = await statusJson();
    expect(s.packages['@mixed/reports']).toMatchObject({ applied: 1, pending: 0, drift: 0 });
    // analytics' status is unchanged: the reports row is theirs, not a migration missing from analytics
    expect(s.packages['@mixed/analytics']).toMatchObject({ applied: 2, pending: 1, drift: 0, shared: 1 });
    expect(s.raw.stdout).toContain('"ledger": "drizzle.__drizzle_migrations_analytics"');
  });

  it('apply --all stops at the first failure and says what was done and what was not (exit 1)', async () => {
    const bad = join(root, 'services', 'billing', 'migrations', '20250203090000_broken.js');
    await writeFile(bad, "export async function up(knex) {\n  await knex.raw('ALTER TABLE no_such_table ADD COLUMN x int');\n}\nexport async function down() {}\n");
    const r = await dbm('apply', '--all');
    expect(r.code, show(r)).toBe(1);
    expect([...r.stdout.matchAll(/^▶ (\S+)/gm)].map((m) => m[1])).toEqual(['@mixed/reports', '@mixed/legacy', '@mixed/analytics', '@mixed/billing']);
    expect(r.stdout).toMatch(/▶ @mixed\/billing .*\n {2}failed: .*no_such_table/);
    expect(r.stdout).toContain('stopped at @mixed/billing: done @mixed/reports, @mixed/legacy, @mixed/analytics; not run: @mixed/api');
    // what ran before the failure stays applied; the broken migration is pending
    const s = await statusJson();
    expect(s.packages['@mixed/analytics']).toMatchObject({ applied: 3, pending: 0 });
    expect(s.packages['@mixed/billing']).toMatchObject({ applied: 2, pending: 1 });
    await rm(bad);
  });

  it('rollback --all runs in the reverse of the dependency order', async () => {
    const r = await dbm('rollback', '--all');
    expect(r.code, show(r)).toBe(0);
    expect([...r.stdout.matchAll(/^▶ (\S+)/gm)].map((m) => m[1])).toEqual(['@mixed/api', '@mixed/billing', '@mixed/analytics', '@mixed/legacy', '@mixed/reports']);
    expect(r.stdout).toContain('5 packages done, 5 migrations rolled back');
    const s = await statusJson();
    expect(s.code).toBe(2);
    expect(Object.fromEntries(Object.entries(s.packages).map(([n, p]) => [n, p.pending]))).toEqual({
      '@mixed/reports': 1,
      '@mixed/shared': undefined,
      '@mixed/legacy': 1,
      '@mixed/analytics': 1,
      '@mixed/billing': 1,
      '@mixed/api': 1,
    });
  });
});
