import { describe, expect, it } from 'vitest';
import { ConfigError } from './errors.js';
import type { ConfigSource } from './find.js';
import { validateConfig } from './validate.js';

const file: ConfigSource = { kind: 'file', dir: '/app', file: '/app/dbm.config.ts' };
const pkg: ConfigSource = { kind: 'package.json', dir: '/app', file: '/app/package.json', value: undefined };

async function problems(raw: unknown, source: ConfigSource = file): Promise<string[]> {
  const e = await validateConfig(raw, source).then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(ConfigError);
  const [head, ...lines] = (e as ConfigError).message.split('\n');
  expect(head).toContain(source.file);
  return lines.map((l) => l.trim());
}

describe('validateConfig', () => {
  it('accepts every key and normalises it', async () => {
    const layer = await validateConfig(
      {
        orm: 'knex',
        dialect: 'postgresql',
        migrationsDir: 'db/migrations',
        databaseUrlEnv: 'BILLING_URL',
        ledger: { table: 'history', schema: 'ops' },
        lockTimeout: '50ms',
        statementTimeout: '5min',
        retries: 0,
        pgVersion: 18,
        rules: { DBM101: 'off', 'ban-drop-column': 'warning', 'require-concurrent-index-deletion': 'error' },
        packages: ['apps/*'],
        ignore: ['apps/legacy'],
      },
      file,
    );
    expect(layer).toEqual({
      file: '/app/dbm.config.ts',
      dir: '/app',
      orm: 'knex',
      dialect: 'postgresql',
      migrationsDir: '/app/db/migrations',
      url: { env: 'BILLING_URL', file: '/app/dbm.config.ts' },
      ledger: { table: 'history', schema: 'ops' },
      lockTimeout: '50ms',
      statementTimeout: '5min',
      retries: 0,
      pgVersion: 18,
      rules: { 'require-concurrent-index-creation': 'off', 'ban-drop-column': 'warning', 'require-concurrent-index-deletion': 'error' },
      packages: ['apps/*'],
      ignore: ['apps/legacy'],
    });
  });

  it('accepts a squawk alias for a rule, as findRule does', async () => {
    // the alias must be one squawk really uses: take it from the registry rather than guessing
    const { ALL_RULES } = await import('@dbm/core');
    const aliased = ALL_RULES.find((r) => r.aliases.squawk?.length && !r.aliases.squawk.includes(r.id))!;
    const ok = await validateConfig({ rules: { [aliased.aliases.squawk![0]!]: 'off' } }, file);
    expect(ok.rules).toEqual({ [aliased.id]: 'off' });
  });

  it('names the key path, what it expects, what it got and a valid example, for every problem at once', async () => {
    const lines = await problems({ lockTimeout: 'fast', retries: -1, pgVersion: 11, orm: 'sequelize', ledger: { tabel: 'x' }, rules: { DBM999: 'off', DBM101: 'loud' }, packages: 'apps/*' });
    expect(lines).toHaveLength(8);
    const line = (key: string) => lines.find((l) => l.startsWith(`${key}:`)) ?? `(no line for ${key})`;
    expect(line('lockTimeout')).toMatch(/expected a PostgreSQL duration.*got "fast"; for example lockTimeout: "2s"/);
    expect(line('retries')).toMatch(/expected a whole number of attempts, 0 or more, got -1; for example retries: 10/);
    expect(line('pgVersion')).toMatch(/from 12 to 18, got 11; for example pgVersion: 16/);
    expect(line('orm')).toMatch(/expected one of "prisma", "drizzle", "knex", "typeorm", got "sequelize"; for example orm: "knex"/);
    expect(line('ledger.tabel')).toMatch(/unknown key; expected one of table, schema; for example ledger: \{ table:/);
    expect(line('rules.DBM999')).toMatch(/no rule has the code, id or squawk alias "DBM999" \(dbm rules lists them\); for example rules: \{ DBM101: "off" \}/);
    expect(line('rules.DBM101')).toMatch(/expected "off", "warning" or "error", got "loud"/);
    expect(line('packages')).toMatch(/expected a list of package folder globs.*got "apps\/\*"; for example packages: \["apps\/\*"/);
  });

  it('prefixes key paths with "dbm." for package.json', async () => {
    expect(await problems({ retries: 1.5 }, pkg)).toEqual(['dbm.retries: expected a whole number of attempts, 0 or more, got 1.5; for example retries: 10']);
    expect((await problems([1], pkg))[0]).toMatch(/^dbm: expected an object of settings, got \[1\]/);
  });

  it('lists the known keys for a misspelt one', async () => {
    const [line] = await problems({ lockTimout: '2s' });
    expect(line).toMatch(/^lockTimout: unknown key; expected one of orm, dialect, .*lockTimeout/);
  });

  it('never prints a databaseUrl, valid or not', async () => {
    const secret = 'postgres://app:hunter2@db/app';
    const [both] = await problems({ databaseUrl: secret, databaseUrlEnv: 'DATABASE_URL' });
    expect(both).toMatch(/^databaseUrl, databaseUrlEnv: set one of them, not both/);
    const [bad] = await problems({ databaseUrl: 'hunter2 is not a url' });
    expect(bad).toMatch(/^databaseUrl: expected a database URL .*got a value that is not a URL/);
    expect(bad).not.toContain('hunter2');
    expect(both).not.toContain('hunter2');
  });

  it('refuses two names for one rule with different settings', async () => {
    const [line] = await problems({ rules: { DBM101: 'off', 'require-concurrent-index-creation': 'error' } });
    expect(line).toMatch(/names the same rule as rules.DBM101 \(require-concurrent-index-creation\)/);
  });

  it('refuses a function, an empty name, a non-integer version and an env name with spaces', async () => {
    expect((await problems(() => ({})))[0]).toMatch(/^\(the file\): expected an object of settings, got a function; for example export default defineConfig/);
    const lines = await problems({ migrationsDir: '', pgVersion: 16.5, databaseUrlEnv: 'MY URL' });
    expect(lines.map((l) => l.split(':')[0])).toEqual(['migrationsDir', 'databaseUrlEnv', 'pgVersion']);
  });
});
