/**
 * A Prisma URL with `?schema=`: Prisma's own engine runs the migrations in that schema and keeps
 * `_prisma_migrations` there, so dbm must too — apply, status, rollback — and leave `public` alone.
 */
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbm } from './cli.js';
import { dropDatabase, freshDatabase, urlOf, withDb } from '../executor/db.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXAMPLE = join(repo, 'examples', 'prisma-postgres');

let dir: string;
let db: string;
let url: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dbm-e2e-prisma-schema-'));
  await cp(EXAMPLE, dir, { recursive: true, filter: (src) => !src.includes('node_modules') && !src.includes(join('src', 'generated')) });
  await symlink(join(EXAMPLE, 'node_modules'), join(dir, 'node_modules'), 'dir');
  db = await freshDatabase('dbm_e2e_prisma_schema');
  url = `${urlOf(db)}?schema=shop`;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await dropDatabase(db);
});

/** Tables by schema, ledger included. */
const tables = () =>
  withDb(db, async (c) => (await c.query<{ t: string }>("SELECT table_schema || '.' || table_name AS t FROM information_schema.tables WHERE table_schema IN ('public', 'shop') ORDER BY 1")).rows.map((r) => r.t));

describe('Prisma ?schema=', () => {
  it('applies into the schema, keeps the ledger there, reads it back, and rolls back there', async () => {
    const env = { DATABASE_URL: url };
    const apply = await dbm(['apply'], dir, env);
    expect(apply.code, apply.stderr).toBe(0);
    const after = await tables();
    expect(after).toContain('shop._prisma_migrations');
    expect(after).toContain('shop.users');
    expect(after.filter((t) => t.startsWith('public.'))).toEqual([]);

    const status = await dbm(['status', '--json'], dir, env);
    expect(status.code, status.stderr).toBe(0);
    const report = JSON.parse(status.stdout) as { ledger: string; counts: { applied: number; pending: number } };
    expect(report.ledger).toBe('shop._prisma_migrations');
    expect(report.counts.pending).toBe(0);
    expect(report.counts.applied).toBeGreaterThan(0);

    const rollback = await dbm(['rollback'], dir, env);
    expect(rollback.code, rollback.stderr).toBe(0);
    const pending = JSON.parse((await dbm(['status', '--json'], dir, env)).stdout) as { counts: { pending: number } };
    expect(pending.counts.pending).toBe(1);
    expect((await tables()).filter((t) => t.startsWith('public.'))).toEqual([]);
  });
});
