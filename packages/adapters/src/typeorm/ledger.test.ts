import { DataSource } from 'typeorm';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { MigrationSource } from '@dbm/core';
import { tableShape, withDatabase } from '../code/engine.testkit.js';
import { TypeOrmLedger } from './ledger.js';

const source = (name: string, timestamp?: number): MigrationSource => ({
  name,
  checksum: '',
  order: 0,
  path: name,
  ...(timestamp ? { meta: { timestamp } } : {}),
});

describe('TypeOrmLedger', () => {
  for (const config of [{}, { migrationsTableName: 'app_migrations' }, { schema: 'ops' }]) {
    it(`creates the table exactly as TypeORM does (${JSON.stringify(config)})`, async () => {
      const schema = config.schema ?? 'public';
      const table = config.migrationsTableName ?? 'migrations';
      const shape = (client: pg.Client) => tableShape(client, schema, table);
      const theirs = await withDatabase('dbm_typeorm_own', async (url, client) => {
        // TypeORM expects the schema to exist
        if (config.schema) await client.query(`CREATE SCHEMA "${config.schema}"`);
        const ds = new DataSource({ type: 'postgres', url, migrations: [], logging: false, ...config });
        await ds.initialize();
        try {
          // migration:show creates the table when it is missing
          expect(await ds.showMigrations()).toBe(false);
        } finally {
          await ds.destroy();
        }
        return shape(client);
      });
      const ours = await withDatabase('dbm_typeorm_ledger', async (_url, client) => {
        const ledger = new TypeOrmLedger(config);
        expect(await ledger.exists(client)).toBe(false);
        await ledger.ensure(client);
        await ledger.ensure(client);
        expect(await ledger.exists(client)).toBe(true);
        expect(ledger.table).toBe(config.schema ? `${schema}.${table}` : table);
        return shape(client);
      });
      expect(ours).toEqual(theirs);
    });
  }

  it('reads nothing on a fresh database without creating anything', async () => {
    await withDatabase('dbm_typeorm_ledger', async (_url, client) => {
      const ledger = new TypeOrmLedger();
      expect(await ledger.read(client)).toEqual([]);
      expect(await ledger.exists(client)).toBe(false);
      expect('nextBatch' in ledger).toBe(false);
    });
  });

  it('records a migration run as SQL once, with its timestamp, and removes it by timestamp and name', async () => {
    await withDatabase('dbm_typeorm_ledger', async (_url, client) => {
      const ledger = new TypeOrmLedger();
      await ledger.ensure(client);
      await ledger.start(client, source('Init1700000000001'));
      await ledger.finish(client, source('Init1700000000001'), { appliedSteps: 1 });
      await ledger.finish(client, source('Init1700000000001'), { appliedSteps: 1 });
      await ledger.finish(client, source('Later1700000000002', 1700000000002), { appliedSteps: 1 });
      await ledger.fail(client, source('Broken1700000000003'), 'boom');
      expect(await ledger.read(client)).toEqual([{ name: 'Init1700000000001' }, { name: 'Later1700000000002' }]);
      expect((await client.query(`SELECT "timestamp", "name" FROM migrations ORDER BY id`)).rows).toEqual([
        { timestamp: '1700000000001', name: 'Init1700000000001' },
        { timestamp: '1700000000002', name: 'Later1700000000002' },
      ]);
      await ledger.remove(client, source('Init1700000000001'));
      expect(await ledger.read(client)).toEqual([{ name: 'Later1700000000002' }]);
      await expect(ledger.finish(client, source('NoTimestamp'), { appliedSteps: 1 })).rejects.toThrow(/migration name is wrong/);
    });
  });
});
