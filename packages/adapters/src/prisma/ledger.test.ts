/**
 * PrismaLedger against Prisma itself: dbm applies and Prisma's schema engine (wasm, in process) sees
 * nothing to do; Prisma applies and dbm reads every migration back; and so on, on the real server.
 */
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationSource } from '@dbm/core';
import { connect, createDatabase, dropDatabase } from '../../../core/src/plan/pg.testkit.js';
import { applyDown, applyWithLedger, databaseUrl, tableShape } from '../sql-apply.testkit.js';
import { openPrismaEngine, type PrismaEngine } from './engine.js';
import { PrismaLedger } from './ledger.js';
import { copyFixture, deploy, diagnose, engineBuilds, FIXTURE_MIGRATIONS } from './prisma.testkit.js';
import { readPrismaMigrations } from './read.js';

const CLEAN = { editedMigrationNames: [], failedMigrationNames: [], hasMigrationsTable: true, history: null };

interface Db {
  client: pg.Client;
  prisma: PrismaEngine;
}

let admin: pg.Client | undefined;

/** The server's own database, connected on first use: an unreachable server fails each test that needs it. */
async function server(): Promise<pg.Client> {
  admin ??= await connect();
  return admin;
}
let sources: MigrationSource[];

beforeAll(async () => {
  sources = await readPrismaMigrations(FIXTURE_MIGRATIONS);
});
afterAll(async () => {
  await admin?.end();
});

/** The rows as Prisma wrote them, without the values that differ run to run (uuid, times). */
async function rowShapes(client: pg.Client): Promise<unknown[]> {
  const { rows } = await client.query(
    `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, logs IS NOT NULL AS has_logs, rolled_back_at IS NOT NULL AS rolled_back,
            applied_steps_count, id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' AS uuid_v4
     FROM _prisma_migrations ORDER BY started_at`,
  );
  return rows;
}

describe.each(engineBuilds())('PrismaLedger agrees with Prisma schema engine ($name)', ({ dir }) => {
  async function withDb(fn: (db: Db) => Promise<void>): Promise<void> {
    const name = await createDatabase(await server(), 'dbm_prisma');
    const client = await connect(name);
    let prisma: PrismaEngine | undefined;
    try {
      prisma = await openPrismaEngine(databaseUrl(name), { packageDir: dir });
      await fn({ client, prisma });
    } finally {
      await prisma?.close();
      await client.end();
      await dropDatabase(await server(), name);
    }
  }

  it('ensure creates _prisma_migrations exactly as Prisma creates it', async () => {
    let prismas: unknown;
    let dbms: unknown;
    await withDb(async ({ client, prisma }) => {
      await deploy(prisma, FIXTURE_MIGRATIONS);
      prismas = await tableShape(client, 'public._prisma_migrations');
    });
    await withDb(async ({ client }) => {
      const ledger = new PrismaLedger();
      expect(await ledger.exists(client)).toBe(false);
      expect(await ledger.read(client)).toEqual([]);
      await ledger.ensure(client);
      await ledger.ensure(client); // idempotent
      expect(await ledger.exists(client)).toBe(true);
      dbms = await tableShape(client, 'public._prisma_migrations');
    });
    expect(dbms).toEqual(prismas);
    expect(JSON.stringify(dbms)).toContain('character varying(36)');
  });

  it('after dbm applies, Prisma sees nothing pending, failed or edited, and its rows look like Prisma’s', async () => {
    let prismaRows: unknown;
    await withDb(async ({ client, prisma }) => {
      expect(await deploy(prisma, FIXTURE_MIGRATIONS)).toEqual(sources.map((s) => s.name));
      prismaRows = await rowShapes(client);
    });
    await withDb(async ({ client, prisma }) => {
      await applyWithLedger(client, new PrismaLedger(), sources);
      expect(await diagnose(prisma, FIXTURE_MIGRATIONS)).toEqual(CLEAN);
      expect(await deploy(prisma, FIXTURE_MIGRATIONS)).toEqual([]);
      expect(await rowShapes(client)).toEqual(prismaRows);
    });
    expect(prismaRows).toEqual(
      sources.map((s) => ({
        migration_name: s.name,
        checksum: s.checksum,
        finished: true,
        has_logs: false,
        rolled_back: false,
        applied_steps_count: 1,
        uuid_v4: true,
      })),
    );
  });

  it('after Prisma applies, read matches every source by name and checksum, finished', async () => {
    await withDb(async ({ client, prisma }) => {
      await deploy(prisma, FIXTURE_MIGRATIONS);
      const rows = await new PrismaLedger().read(client);
      expect(rows.map((r) => [r.name, r.checksum])).toEqual(sources.map((s) => [s.name, s.checksum]));
      for (const r of rows) {
        expect(r.finishedAt).toBeInstanceOf(Date);
        expect(r.startedAt).toBeInstanceOf(Date);
        expect(r.rolledBackAt).toBeNull();
        expect(r.logs).toBeNull();
      }
    });
  });

  it('after remove of the last migration, Prisma sees exactly it pending and deploys only it', async () => {
    await withDb(async ({ client, prisma }) => {
      const ledger = new PrismaLedger();
      await applyWithLedger(client, ledger, sources);
      const last = sources.at(-1)!;
      await applyDown(client, last);
      await ledger.remove(client, last);
      expect(await diagnose(prisma, FIXTURE_MIGRATIONS)).toEqual({
        ...CLEAN,
        history: { diagnostic: 'databaseIsBehind', unappliedMigrationNames: [last.name] },
      });
      expect(await deploy(prisma, FIXTURE_MIGRATIONS)).toEqual([last.name]);
      expect(await diagnose(prisma, FIXTURE_MIGRATIONS)).toEqual(CLEAN);
    });
  });

  it('fail leaves a row Prisma reports as failed, shaped like Prisma’s; a retry resolves it as Prisma would', async () => {
    const dirCopy = await copyFixture();
    const broken = join(dirCopy, '20250104000000_broken');
    await mkdir(broken);
    // the second statement fails: the column exists (from 20250103000000_display_name)
    await writeFile(join(broken, 'migration.sql'), 'ALTER TABLE "User" ADD COLUMN "nickname" TEXT;\nALTER TABLE "User" ADD COLUMN "display_name" TEXT;\n');
    const all = await readPrismaMigrations(dirCopy);
    let prismaFailed: unknown;
    await withDb(async ({ client, prisma }) => {
      await expect(deploy(prisma, dirCopy)).rejects.toThrow(/display_name/);
      prismaFailed = (await rowShapes(client)).at(-1);
    });
    await withDb(async ({ client, prisma }) => {
      const ledger = new PrismaLedger();
      await expect(applyWithLedger(client, ledger, all)).rejects.toThrow(/display_name/);
      expect(await diagnose(prisma, dirCopy)).toMatchObject({ failedMigrationNames: ['20250104000000_broken'] });
      expect((await rowShapes(client)).at(-1)).toEqual(prismaFailed);
      const failed = (await ledger.read(client)).at(-1)!;
      expect(failed).toMatchObject({ name: '20250104000000_broken', finishedAt: null, rolledBackAt: null });
      expect(failed.logs).toMatch(/display_name/);

      // fix the file and let dbm run it again (the first statement already ran, as it would under Prisma)
      await writeFile(join(broken, 'migration.sql'), 'ALTER TABLE "User" ADD COLUMN IF NOT EXISTS "nickname" TEXT;\n');
      const fixed = (await readPrismaMigrations(dirCopy)).at(-1)!;
      await applyWithLedger(client, ledger, [fixed]);
      expect(await diagnose(prisma, dirCopy)).toEqual(CLEAN);
      const rows = (await ledger.read(client)).filter((r) => r.name === fixed.name);
      expect(rows.map((r) => [r.rolledBackAt instanceof Date, r.finishedAt instanceof Date])).toEqual([
        [true, false],
        [false, true],
      ]);
    });
    expect(prismaFailed).toMatchObject({ finished: false, has_logs: true, rolled_back: false, applied_steps_count: 0 });
  });

  it('a file edited after apply: read and source checksums differ, and Prisma reports it edited', async () => {
    const dirCopy = await copyFixture();
    await withDb(async ({ client, prisma }) => {
      const ledger = new PrismaLedger();
      await applyWithLedger(client, ledger, sources);
      await appendFile(join(dirCopy, sources[1]!.name, 'migration.sql'), '-- edited after apply\n');
      const edited = await readPrismaMigrations(dirCopy);
      const rows = await ledger.read(client);
      expect(rows.map((r) => r.checksum === edited.find((s) => s.name === r.name)?.checksum)).toEqual([true, false, true]);
      expect(await diagnose(prisma, dirCopy)).toMatchObject({ editedMigrationNames: [sources[1]!.name] });
    });
  });

  it('line endings: a CRLF checkout of an LF-applied history is not an edit, for Prisma and for read with sources', async () => {
    const crlf = await copyFixture();
    for (const s of sources) {
      const file = join(crlf, s.name, 'migration.sql');
      await writeFile(file, (await readFile(file, 'utf8')).replaceAll('\n', '\r\n'));
    }
    const crlfSources = await readPrismaMigrations(crlf);
    await withDb(async ({ client, prisma }) => {
      await applyWithLedger(client, new PrismaLedger(), sources);
      expect(await diagnose(prisma, crlf)).toEqual(CLEAN);
      const plain = await new PrismaLedger().read(client);
      expect(plain.map((r) => r.checksum)).not.toEqual(crlfSources.map((s) => s.checksum));
      const judged = await new PrismaLedger({ sources: crlfSources }).read(client);
      expect(judged.map((r) => r.checksum)).toEqual(crlfSources.map((s) => s.checksum));
    });
  });

  it('checksum: what Prisma stores is the SHA-256 of the file bytes, BOM and CRLF included', async () => {
    const odd = await copyFixture();
    const file = join(odd, sources[0]!.name, 'migration.sql');
    await writeFile(file, `\uFEFF${(await readFile(file, 'utf8')).replaceAll('\n', '\r\n')}`);
    const bytes = await readFile(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    await withDb(async ({ client, prisma }) => {
      await deploy(prisma, odd);
      const stored = (await new PrismaLedger().read(client))[0]!.checksum;
      expect(stored).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(stored).toBe((await readPrismaMigrations(odd))[0]!.checksum);
    });
  });
});

describe('PrismaLedger rows', () => {
  async function withClient(fn: (client: pg.Client, url: string) => Promise<void>): Promise<void> {
    const name = await createDatabase(await server(), 'dbm_prisma');
    const client = await connect(name);
    try {
      await fn(client, databaseUrl(name));
    } finally {
      await client.end();
      await dropDatabase(await server(), name);
    }
  }

  it('keeps its table in the schema it is given (the native engine’s ?schema=)', async () => {
    await withClient(async (client) => {
      const ledger = new PrismaLedger({ schema: 'app' });
      expect(ledger.table).toBe('app._prisma_migrations');
      await applyWithLedger(client, ledger, sources);
      // the same columns and constraints (index definitions name the schema, so they differ)
      const { columns, constraints } = (await tableShape(client, 'app._prisma_migrations')) as Record<string, unknown>;
      expect({ columns, constraints }).toEqual(await tableShapeOfFresh());
      expect((await ledger.read(client)).map((r) => r.name)).toEqual(sources.map((s) => s.name));
      expect(await new PrismaLedger().exists(client)).toBe(false);
    });
  });

  it('finish without a started row is an error; fail without one still leaves a failed row for Prisma', async () => {
    await withClient(async (client, url) => {
      const ledger = new PrismaLedger();
      await ledger.ensure(client);
      await expect(ledger.finish(client, sources[0]!, { appliedSteps: 1 })).rejects.toThrow(/no started row/);
      await ledger.fail(client, sources[0]!, 'boom');
      const prisma = await openPrismaEngine(url);
      try {
        expect(await diagnose(prisma, FIXTURE_MIGRATIONS)).toMatchObject({ failedMigrationNames: [sources[0]!.name] });
      } finally {
        await prisma.close();
      }
      expect(await ledger.read(client)).toMatchObject([{ name: sources[0]!.name, finishedAt: null, logs: 'boom' }]);
    });
  });
});

/** The shape of a table ensure() creates in public, to compare a table created elsewhere with. */
async function tableShapeOfFresh(): Promise<unknown> {
  const name = await createDatabase(await server(), 'dbm_prisma');
  const client = await connect(name);
  try {
    await new PrismaLedger().ensure(client);
    const { columns, constraints } = (await tableShape(client, 'public._prisma_migrations')) as Record<string, unknown>;
    return { columns, constraints };
  } finally {
    await client.end();
    await dropDatabase(await server(), name);
  }
}
