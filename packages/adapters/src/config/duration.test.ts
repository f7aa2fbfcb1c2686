import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { connect, createDatabase, dropDatabase } from '../../../core/src/plan/pg.testkit.js';
import { isPgDuration, parsePgDuration } from './duration.js';

// the validator must never accept what the server refuses: each sample is also tried on PostgreSQL
const ACCEPTED = ['20ms', '2s', '5min', '1h', '1d', '0', '250', '1.5s', '100us', ' 2s ', '2 s', '24d', '2147483647ms'];
const REFUSED = ['fast', '2S', '2sec', '-1s', '25d', '2147483648ms', '2 seconds', '', 'ms', '1,5s', '2s;'];

let admin: pg.Client;
let name: string;
let client: pg.Client;
beforeAll(async () => {
  admin = await connect();
  name = await createDatabase(admin, 'dbm_config_duration');
  client = await connect(name);
});
afterAll(async () => {
  await client?.end();
  if (name) await dropDatabase(admin, name);
  await admin?.end();
});

async function serverAccepts(value: string): Promise<boolean> {
  try {
    await client.query(`SELECT set_config('lock_timeout', $1, false)`, [value]);
    return true;
  } catch {
    return false;
  }
}

describe('isPgDuration', () => {
  it('accepts durations PostgreSQL accepts for lock_timeout', async () => {
    for (const value of ACCEPTED) {
      expect([value, isPgDuration(value)]).toEqual([value, true]);
      expect([value, await serverAccepts(value)]).toEqual([value, true]);
    }
  });

  it('refuses values PostgreSQL refuses', async () => {
    for (const value of REFUSED) {
      expect([value, isPgDuration(value)]).toEqual([value, false]);
      expect([value, await serverAccepts(value)]).toEqual([value, false]);
    }
  });

  it('converts to milliseconds', () => {
    expect(['20ms', '2s', '1.5min', '100us', '3'].map(parsePgDuration)).toEqual([20, 2000, 90_000, 0.1, 3]);
  });
});
