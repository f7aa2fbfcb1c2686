/** drizzle detection and project description, on app directories (no database). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DetectionError } from '../detect.js';
import { drizzleAdapter } from './adapter.js';
import { APP_PACKAGE, appDir } from './project.testkit.js';

const TS_CONFIG = `import { defineConfig } from 'drizzle-kit';
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './migrations',
  dbCredentials: { url: process.env.DATABASE_URL! },
  migrations: { table: 'history', schema: 'ops' },
});
`;

async function describeApp(files: Record<string, string>) {
  const root = await appDir(files);
  const evidence = await drizzleAdapter.detect(root);
  if (!evidence) throw new Error('no drizzle evidence');
  return { root, evidence, project: await drizzleAdapter.project(root, evidence) };
}

describe('drizzle detect', () => {
  it('finds drizzle-kit in package.json, the config and the journal, and names each', async () => {
    const root = await appDir({ 'package.json': APP_PACKAGE, 'drizzle.config.ts': TS_CONFIG, 'drizzle/meta/_journal.json': '{"entries":[]}' });
    const e = await drizzleAdapter.detect(root);
    expect(e).toEqual({ orm: 'drizzle', reasons: ['package.json depends on drizzle-kit and drizzle-orm', 'drizzle.config.ts', 'drizzle/meta/_journal.json'] });
  });

  it('a config file alone, or a journal alone, is enough', async () => {
    expect((await drizzleAdapter.detect(await appDir({ 'drizzle.config.json': '{}' }, { modules: false })))?.reasons).toEqual(['drizzle.config.json']);
    expect((await drizzleAdapter.detect(await appDir({ 'drizzle/meta/_journal.json': '{}' }, { modules: false })))?.reasons).toEqual(['drizzle/meta/_journal.json']);
  });

  it('is not fooled by drizzle-orm alone (a query builder beside another ORM), an empty folder or a broken package.json', async () => {
    expect(await drizzleAdapter.detect(await appDir({ 'package.json': '{"dependencies":{"drizzle-orm":"*"}}' }, { modules: false }))).toBeUndefined();
    expect(await drizzleAdapter.detect(await appDir({}, { modules: false }))).toBeUndefined();
    expect(await drizzleAdapter.detect(await appDir({ 'package.json': '{ nope' }, { modules: false }))).toBeUndefined();
  });
});

describe('drizzle project', () => {
  it('reads a TypeScript config that imports drizzle-kit: dialect, schema, out, URL variable, ledger', async () => {
    const { root, project } = await describeApp({ 'package.json': APP_PACKAGE, 'drizzle.config.ts': TS_CONFIG });
    expect(project).toMatchObject({
      orm: 'drizzle',
      dialect: 'postgresql',
      root,
      migrationsDir: join(root, 'migrations'),
      schemaPath: join(root, 'src', 'db', 'schema.ts'),
      configPath: join(root, 'drizzle.config.ts'),
      url: { env: 'DATABASE_URL' },
      ledgerTable: 'history',
      ledgerSchema: 'ops',
    });
    expect(project.evidence.at(-1)).toBe('drizzle.config.ts: dialect postgresql, schema ./src/db/schema.ts, out migrations');
  });

  it('finds the variable the URL comes from, whatever its name and form, set or not', async () => {
    const cases: [string, string][] = [
      ["url: process.env.SHOP_DB_URL ?? ''", 'SHOP_DB_URL'],
      ["url: process.env['PRIMARY_DSN']!", 'PRIMARY_DSN'],
    ];
    for (const [expr, env] of cases) {
      const { project } = await describeApp({ 'drizzle.config.ts': `export default { dialect: 'postgresql', schema: './s.ts', dbCredentials: { ${expr} } };` });
      expect(project.url).toEqual({ env });
    }
    // the URL read into a variable first
    process.env.DBM_TEST_INDIRECT_URL = 'postgres://x@h/db';
    try {
      const { project } = await describeApp({
        'drizzle.config.mjs': "const url = process.env.DBM_TEST_INDIRECT_URL;\nexport default { dialect: 'postgresql', schema: './s.ts', dbCredentials: { url } };",
      });
      expect(project.url).toEqual({ env: 'DBM_TEST_INDIRECT_URL' });
    } finally {
      delete process.env.DBM_TEST_INDIRECT_URL;
    }
  });

  it('keeps a literal URL, builds one from separate credentials, defaults to DATABASE_URL', async () => {
    const literal = await describeApp({ 'drizzle.config.json': JSON.stringify({ dialect: 'postgresql', schema: 's.ts', dbCredentials: { url: 'postgres://u:pw@db:5432/shop' } }) });
    expect(literal.project.url).toEqual({ value: 'postgres://u:pw@db:5432/shop' });
    const parts = await describeApp({
      'drizzle.config.cjs': "module.exports = { dialect: 'postgresql', schema: 's.ts', dbCredentials: { host: 'db', port: 5433, user: 'app', password: 'p@ss', database: 'shop' } };",
    });
    expect(parts.project.url).toEqual({ value: 'postgres://app:p%40ss@db:5433/shop' });
    const none = await describeApp({ 'drizzle.config.js': "export default { dialect: 'postgresql', schema: 's.ts' };", 'package.json': '{"type":"module"}' });
    expect(none.project.url).toEqual({ env: 'DATABASE_URL' });
    expect(none.project.migrationsDir).toBe(join(none.root, 'drizzle'));
  });

  it('reports MySQL and SQLite as such; refuses dialects dbm does not know, and a missing dialect', async () => {
    expect((await describeApp({ 'drizzle.config.json': '{"dialect":"mysql","schema":"s.ts"}' })).project.dialect).toBe('mysql');
    expect((await describeApp({ 'drizzle.config.json': '{"dialect":"turso","schema":"s.ts"}' })).project.dialect).toBe('sqlite');
    await expect(describeApp({ 'drizzle.config.json': '{"dialect":"gel","schema":"s.ts"}' })).rejects.toThrow(/does not support drizzle's "gel" dialect/);
    await expect(describeApp({ 'drizzle.config.json': '{"schema":"s.ts"}' })).rejects.toThrow(/has no "dialect"/);
  });

  it('a config that does not load is a DetectionError naming the file and the position', async () => {
    const root = await appDir({ 'drizzle.config.ts': "export default {\n  dialect: 'postgresql',,\n};\n" });
    const evidence = (await drizzleAdapter.detect(root))!;
    const error = await drizzleAdapter.project(root, evidence).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DetectionError);
    expect((error as Error).message).toMatch(/cannot load .*drizzle\.config\.ts/);
    expect((error as Error).message).toContain('drizzle.config.ts:2:');
    const typo = await describeApp({ 'drizzle.config.json': '{"dialect":"postgresql","out":5}' }).catch((e: unknown) => e);
    expect((typo as Error).message).toMatch(/drizzle\.config\.json: "out" must be a string/);
  });

  it('without a config, a journal in drizzle/ gives the project (dialect from the journal)', async () => {
    const { root, project } = await describeApp({ 'drizzle/meta/_journal.json': '{"version":"7","dialect":"postgresql","entries":[]}' });
    expect(project).toMatchObject({ dialect: 'postgresql', migrationsDir: join(root, 'drizzle'), url: { env: 'DATABASE_URL' } });
    expect(project.configPath).toBeUndefined();
  });
});
