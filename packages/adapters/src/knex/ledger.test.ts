import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import knex from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationSource } from '@dbm/core';
import { tableShape, withDatabase } from '../code/engine.testkit.js';
import { KnexLedger } from './ledger.js';

const source = (name: string): MigrationSource => ({ name, checksum: '', order: 0, path: name });

describe('KnexLedger', () => {
  let empty: string;
  beforeAll(async () => {
    empty = await mkdtemp(path.join(os.tmpdir(), 'dbm-knex-empty-'));
  });
  afterAll(async () => {
    await rm(empty, { recursive: true, force: true });
  });

  // knex creates its tables on its first migrate command; `migrate:list` is enough
  async function knexCreates(url: string, config: { tableName?: string; schemaName?: string } = {}): Promise<void> {
    const db = knex({ client: 'pg', connection: url });
    try {
      await db.migrate.list({ directory: empty, ...config });
    } finally {
      await db.destroy();
    }
  }

  for (const config of [{}, { tableName: 'app_migrations', schemaName: 'ops' }]) {
    it(`creates the tables exactly as knex does (${JSON.stringify(config)})`, async () => {
      const schema = config.schemaName ?? 'public';
      const table = config.tableName ?? 'knex_migrations';
      const shape = async (client: import('pg').Client) => ({
        ledger: await tableShape(client, schema, table),
        lock: await tableShape(client, schema, `${table}_lock`),
        lockRows: (await client.query(`SELECT * FROM "${schema}"."${table}_lock"`)).rows,
      });
      const theirs = await withDatabase('dbm_knex_own', async (url, client) => {
        // knex needs the schema to exist; dbm creates it
        if (config.schemaName) await client.query(`CREATE SCHEMA "${config.schemaName}"`);
        await knexCreates(url, config);
        return shape(client);
      });
      const ours = await withDatabase('dbm_knex_ledger', async (_url, client) => {
        const ledger = new KnexLedger(config);
        expect(await ledger.exists(client)).toBe(false);
        await ledger.ensure(client);
        await ledger.ensure(client);
        expect(await ledger.exists(client)).toBe(true);
        expect(ledger.table).toBe(config.schemaName ? `${schema}.${table}` : table);
        return shape(client);
      });
      expect(ours).toEqual(theirs);
      expect(theirs.lockRows).toEqual([{ index: 1, is_locked: 0 }]);
    });
  }

  it('reads nothing and gives batch 1 on a fresh database, without creating anything', async () => {
    await withDatabase('dbm_knex_ledger', async (_url, client) => {
      const ledger = new KnexLedger();
      expect(await ledger.read(client)).toEqual([]);
      expect(await ledger.nextBatch(client)).toBe(1);
      expect(await ledger.exists(client)).toBe(false);
    });
  });

  it('records a migration run as SQL once, in the batch nextBatch handed out, and removes it', async () => {
    await withDatabase('dbm_knex_ledger', async (_url, client) => {
      const ledger = new KnexLedger();
      await ledger.ensure(client);
      await client.query(`INSERT INTO knex_migrations (name, batch, migration_time) VALUES ('a.js', 1, now()), ('b.js', 3, now())`);
      expect(await ledger.nextBatch(client)).toBe(4);
      await ledger.start(client, source('c.js'));
      await ledger.finish(client, source('c.js'), { appliedSteps: 2 });
      await ledger.finish(client, source('c.js'), { appliedSteps: 2 });
      await ledger.fail(client, source('d.js'), 'boom');
      const rows = await ledger.read(client);
      expect(rows.map((r) => [r.name, r.batch])).toEqual([['a.js', 1], ['b.js', 3], ['c.js', 4]]);
      expect(rows.every((r) => r.finishedAt instanceof Date && !('checksum' in r))).toBe(true);
      await ledger.remove(client, source('b.js'));
      expect((await ledger.read(client)).map((r) => r.name)).toEqual(['a.js', 'c.js']);
    });
  });
});
