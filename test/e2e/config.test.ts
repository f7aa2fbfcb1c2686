// dbm.config.ts end to end: a copy of examples/knex-postgres with a config that imports defineConfig from
// the CLI package (as a user's project would), run through the built dbm on the real PostgreSQL server.
// Each setting is shown to take effect (the URL's variable, lockTimeout and statementTimeout inside the
// ORM's migration, a rule switched off), flags to win over it, and a bad config to stop dbm with exit 2,
// naming the file and the key, before anything is written.
import { mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenario, show, tree, type Scenario } from './knex-postgres.kit.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const CONFIG = `import { defineConfig } from '@dbm/cli/config';

export default defineConfig({
  databaseUrlEnv: 'SHOP_DB',
  lockTimeout: '3s',
  statementTimeout: '7min',
  rules: { DBM101: 'off' },
});
`;

/** A migration that records the session settings knex runs it with. */
const RECORD = `export async function up(knex) {
  await knex.raw("CREATE TABLE seen AS SELECT current_setting('lock_timeout') AS lock_timeout, current_setting('statement_timeout') AS statement_timeout");
}
export async function down(knex) {
  await knex.raw('DROP TABLE seen');
}
`;

/** node_modules as a user's install has it: the example's packages, and the dbm CLI as a dependency. */
async function installCli(dir: string): Promise<void> {
  const modules = join(dir, 'node_modules');
  const example = join(repo, 'examples', 'knex-postgres', 'node_modules');
  await rm(modules, { force: true });
  await mkdir(join(modules, '@dbm'), { recursive: true });
  for (const name of await readdir(example)) if (!name.startsWith('.')) await symlink(join(example, name), join(modules, name), 'dir');
  await symlink(join(repo, 'packages', 'cli'), join(modules, '@dbm', 'cli'), 'dir');
}

describe('dbm.config.ts in the knex example', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await scenario('config');
    await installCli(s.dir);
    await writeFile(join(s.dir, 'dbm.config.ts'), CONFIG);
    await writeFile(join(s.dir, 'migrations', '20250104090000_record_settings.js'), RECORD);
    await writeFile(join(s.dir, 'index.sql'), 'CREATE INDEX users_name_idx ON users (name);\n');
  });
  afterAll(async () => {
    await s?.cleanup();
  });

  it('status reads the database URL from the variable databaseUrlEnv names, not DATABASE_URL', async () => {
    const r = await s.dbm(['status'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', SHOP_DB: s.url });
    expect(r.code, show(r)).toBe(2);
    expect(r.stdout).toContain('0 applied, 4 pending');
    const unset = await s.dbm(['status'], { DATABASE_URL: s.url, SHOP_DB: undefined });
    expect(unset.code, show(unset)).toBe(2);
    expect(unset.stderr).toContain(`${join(s.dir, 'dbm.config.ts')} sets databaseUrlEnv: "SHOP_DB", and SHOP_DB is not set`);
    const detect = await s.dbm(['detect'], { DATABASE_URL: undefined });
    expect(detect.stdout).toMatch(/database\s+\$SHOP_DB/);
    expect(detect.stdout).toContain(`settings from ${join(s.dir, 'dbm.config.ts')}`);
  });

  it('lint honours rules: { DBM101: "off" }, and --rule wins over it', async () => {
    const off = await s.dbm(['lint', 'index.sql']);
    expect(off.code, show(off)).toBe(0);
    expect(off.stdout).not.toContain('DBM101');
    const flag = await s.dbm(['lint', 'index.sql', '--rule', 'DBM101=error']);
    expect(flag.code, show(flag)).toBe(1);
    expect(flag.stdout).toContain('DBM101');
  });

  it('fix writes the configured lock_timeout and statement_timeout; --lock-timeout wins', async () => {
    const r = await s.dbm(['fix', 'index.sql']);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toContain("lock_timeout = '3s'");
    expect(r.stdout).toContain("statement_timeout = '7min'");
    const flag = await s.dbm(['fix', 'index.sql', '--lock-timeout', '150ms']);
    expect(flag.stdout).toContain("lock_timeout = '150ms'");
    expect(flag.stdout).not.toContain("'3s'");
  });

  it('apply runs the ORM migration with the configured timeouts, and --lock-timeout wins on the next run', async () => {
    const r = await s.dbm(['apply'], { DATABASE_URL: undefined, SHOP_DB: s.url });
    expect(r.code, show(r)).toBe(0);
    expect(await s.query('SELECT lock_timeout, statement_timeout FROM seen')).toEqual([{ lock_timeout: '3s', statement_timeout: '7min' }]);
    const back = await s.dbm(['rollback'], { DATABASE_URL: undefined, SHOP_DB: s.url });
    expect(back.code, show(back)).toBe(0);
    const again = await s.dbm(['apply', '--lock-timeout', '1500ms'], { DATABASE_URL: undefined, SHOP_DB: s.url });
    expect(again.code, show(again)).toBe(0);
    expect(await s.query('SELECT lock_timeout FROM seen')).toEqual([{ lock_timeout: '1500ms' }]);
  });

  it('a bad config stops dbm with exit 2, naming the file and the key, and nothing is written', async () => {
    const fresh = await scenario('configbad');
    try {
      await installCli(fresh.dir);
      const file = join(fresh.dir, 'dbm.config.ts');
      await writeFile(file, CONFIG.replace("lockTimeout: '3s'", "lockTimeout: 'soon'"));
      const before = await tree(fresh.dir);
      const r = await fresh.dbm(['apply'], { SHOP_DB: fresh.url });
      expect(r.code, show(r)).toBe(2);
      expect(r.stderr).toContain(`invalid configuration in ${file}`);
      expect(r.stderr).toMatch(/lockTimeout: expected a PostgreSQL duration.*got "soon"; for example lockTimeout: "2s"/);
      expect(r.stdout).toBe('');
      expect(await fresh.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)).toEqual([]);
      expect(await tree(fresh.dir)).toEqual(before);
      // the same directory with the package.json key too: two sources, both named
      await writeFile(join(fresh.dir, 'package.json'), JSON.stringify({ name: 'shop', type: 'module', dbm: { retries: 2 } }));
      const two = await fresh.dbm(['status'], { SHOP_DB: fresh.url });
      expect(two.code, show(two)).toBe(2);
      expect(two.stderr).toContain(`${file} and the "dbm" key of ${join(fresh.dir, 'package.json')}`);
    } finally {
      await fresh.cleanup();
    }
  });
});
