import { describe, expect, it } from 'vitest';
import { dbm, testdir } from './cli.js';

const MIGRATION = [
  'CREATE INDEX "orders_user_id_idx" ON "orders"("user_id");',
  'ALTER TABLE "orders" ADD CONSTRAINT "orders_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id");',
  'ALTER TABLE "orders" RENAME COLUMN "note" TO "comment";',
].join('\n');

describe('dbm fix', () => {
  it('prints an annotated script of safe steps, each marked transactional or not', async () => {
    const dir = testdir({ 'm.sql': MIGRATION });
    const r = await dbm(['fix', 'm.sql'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/-- step 1\/\d+: non-transactional \(CONCURRENTLY cannot run in a transaction\)/);
    expect(r.stdout).toContain('CREATE INDEX CONCURRENTLY "orders_user_id_idx" ON "orders" ("user_id");');
    expect(r.stdout).toContain('NOT VALID;');
    expect(r.stdout).toContain('VALIDATE CONSTRAINT "orders_user_id_fkey";');
    expect(r.stdout).toContain("SET LOCAL lock_timeout = '20ms';");
    // the rename has no safe single-file form: kept as written, with the expand/contract plan
    expect(r.stdout).toContain('ALTER TABLE "orders" RENAME COLUMN "note" TO "comment";');
    expect(r.stdout).toMatch(/dual-write|trigger/i);
  });

  it('prints the documented JSON shape with --json / --format json', async () => {
    const dir = testdir({ 'm.sql': MIGRATION });
    const r = await dbm(['fix', 'm.sql', '--json', '--lock-timeout', '5s'], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Array.isArray(json.steps)).toBe(true);
    for (const s of json.steps) {
      expect(typeof s.transaction).toBe('boolean');
      expect(s.statements.every((x: unknown) => typeof x === 'string' && !String(x).endsWith(';'))).toBe(true);
    }
    expect(json.steps[0]).toEqual({ transaction: false, statements: ["SET lock_timeout = '5s'", 'CREATE INDEX CONCURRENTLY "orders_user_id_idx" ON "orders" ("user_id")'] });
    expect(json.notes.some((n: { message: string }) => /comment|note/.test(n.message))).toBe(true);
    expect((await dbm(['fix', 'm.sql', '--format', 'json', '--lock-timeout', '5s'], dir)).stdout).toBe(r.stdout);
  });

  it('gives a clear error, exit 2 and no stack trace, for bad SQL, a missing file and a bad timeout', async () => {
    const dir = testdir({ 'bad.sql': 'ALTER TABLE;\n', 'm.sql': MIGRATION });
    const bad = await dbm(['fix', 'bad.sql'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^dbm: bad\.sql:1:\d+: syntax error: /);
    expect(bad.stderr).not.toMatch(/at .*\.js:\d+/);
    const missing = await dbm(['fix', 'nope.sql'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read nope.sql');
    const timeout = await dbm(['fix', 'm.sql', '--lock-timeout', 'soon'], dir);
    expect(timeout.code).toBe(2);
    expect(timeout.stderr).toContain('--lock-timeout takes a duration');
  });

  it('writes the script with --out, and the fixed script lints without errors', async () => {
    const dir = testdir({ 'm.sql': MIGRATION.split('\n').slice(0, 2).join('\n') });
    expect((await dbm(['fix', 'm.sql', '--out', 'safe.sql'], dir)).code).toBe(0);
    const lint = await dbm(['lint', 'safe.sql', '--json'], dir);
    expect(JSON.parse(lint.stdout).summary.errors).toBe(0);
    expect(lint.code).toBe(0);
  });
});
