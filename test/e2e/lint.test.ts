import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dbm, testdir } from './cli.js';

const HAZARD = 'CREATE INDEX idx_orders_user ON orders (user_id);\n';
const CLEAN = "SET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_user ON orders (user_id);\n";

describe('dbm lint', () => {
  it('reports file:line:col, rule, lock, why and the safe form, and exits 1 on errors', async () => {
    const dir = testdir({ 'm.sql': `-- a comment\n\n${HAZARD}` });
    const r = await dbm(['lint', 'm.sql'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('m.sql:3:1');
    expect(r.stdout).toContain('require-concurrent-index-creation');
    expect(r.stdout).toContain('lock: SHARE');
    expect(r.stdout).toContain('CREATE INDEX CONCURRENTLY "idx_orders_user" ON "orders" ("user_id")');
    expect(r.stdout).toMatch(/1 error/);
  });

  it('exits 0 on a clean file and on an empty one', async () => {
    const dir = testdir({ 'clean.sql': CLEAN, 'empty.sql': '', 'comments.sql': '-- nothing here\n/* at all */\n' });
    const r = await dbm(['lint', '.'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 errors, 0 warnings in 3 files/);
  });

  it('prints the documented JSON shape', async () => {
    const dir = testdir({ 'm.sql': HAZARD });
    const r = await dbm(['lint', 'm.sql', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.summary).toEqual({ files: 1, errors: 1, warnings: 1, parseErrors: 0 });
    const d = json.files[0].diagnostics.find((x: { rule: string }) => x.rule === 'require-concurrent-index-creation');
    expect(json.files[0].path).toBe('m.sql');
    expect(d).toMatchObject({
      code: 'DBM101',
      severity: 'error',
      line: 1,
      column: 1,
      lock: 'SHARE',
      aliases: { squawk: 'require-concurrent-index-creation' },
    });
    expect(typeof d.message).toBe('string');
    expect((await dbm(['lint', 'm.sql', '--json'], dir)).stdout).toBe(r.stdout);
  });

  it('writes GitHub workflow annotations', async () => {
    const dir = testdir({ 'm.sql': HAZARD });
    const r = await dbm(['lint', 'm.sql', '--format', 'github'], dir);
    expect(r.stdout).toMatch(/^::error file=m\.sql,line=1,col=1,title=DBM101 require-concurrent-index-creation \(lock%3A SHARE\)::/m);
    expect(r.stdout).toMatch(/^::warning file=m\.sql,line=1,col=1,title=DBM114 /m);
    expect(r.stdout).not.toMatch(/\n(?!::)/);
  });

  it('gives a clear syntax error with file and line, exit 2 and no stack trace', async () => {
    const dir = testdir({ 'bad.sql': 'SELECT 1;\nCREATE TABLE t (a int,, b int);\n', 'good.sql': HAZARD });
    const r = await dbm(['lint', 'bad.sql', 'good.sql'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/bad\.sql:2:\d+ {2}syntax error {2}syntax error at or near ","/);
    expect(r.stdout).toContain('good.sql:1:1');
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/at .*\.js:\d+/);
    const json = JSON.parse((await dbm(['lint', 'bad.sql', '--json'], dir)).stdout);
    expect(json.files[0].error).toMatchObject({ line: 2 });
  });

  it('honours -- dbm-ignore, -- squawk-ignore and --rule overrides', async () => {
    const dir = testdir({
      'a.sql': `-- dbm-ignore require-concurrent-index-creation\n${HAZARD}`,
      'b.sql': `-- squawk-ignore require-concurrent-index-creation\n${HAZARD}`,
      'c.sql': HAZARD,
    });
    expect((await dbm(['lint', 'a.sql'], dir)).code).toBe(0);
    expect((await dbm(['lint', 'b.sql'], dir)).code).toBe(0);
    expect((await dbm(['lint', 'c.sql', '--rule', 'require-concurrent-index-creation=warning'], dir)).code).toBe(0);
    const bad = await dbm(['lint', 'c.sql', '--rule', 'no-such-rule=off'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no rule named "no-such-rule"');
  });

  it('exits 2 with a clear message for a missing path or no arguments', async () => {
    const dir = testdir({});
    const missing = await dbm(['lint', 'nope.sql'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file or directory: nope.sql');
    const none = await dbm(['lint'], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/Not enough non-option arguments/);
  });

  it('lints a 20,000-statement file', async () => {
    const big = Array.from({ length: 20000 }, (_, i) => `ALTER TABLE t${i % 40} ADD COLUMN c${i} bigint;`).join('\n');
    const dir = testdir({ 'big.sql': big });
    const r = await dbm(['lint', 'big.sql', '--json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary.files).toBe(1);
  });

  it('lints a directory recursively, skipping node_modules', async () => {
    const dir = testdir({ 'm.sql': HAZARD });
    const r = await dbm(['lint', join(dir)], '/');
    expect(r.code).toBe(1);
  });
});
