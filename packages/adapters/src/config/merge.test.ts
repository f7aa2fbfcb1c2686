import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, mergeSettings } from './merge.js';
import type { ConfigLayer } from './types.js';

const root: ConfigLayer = {
  file: '/ws/dbm.config.ts',
  dir: '/ws',
  lockTimeout: '1s',
  retries: 3,
  pgVersion: 14,
  url: { env: 'ROOT_URL', file: '/ws/dbm.config.ts' },
  ledger: { schema: 'ops' },
  rules: { 'ban-drop-column': 'off', 'require-concurrent-index-creation': 'warning' },
  packages: ['apps/*'],
};
const pkg: ConfigLayer = {
  file: '/ws/apps/api/package.json',
  dir: '/ws/apps/api',
  lockTimeout: '2s',
  url: { value: 'postgres://api', file: '/ws/apps/api/package.json' },
  ledger: { table: 'history' },
  rules: { 'ban-drop-column': 'error' },
};

describe('mergeSettings', () => {
  it('gives the defaults when nothing is configured', () => {
    expect(mergeSettings({ layers: [] })).toEqual({ ...DEFAULT_SETTINGS, ledger: {}, rules: {}, files: [] });
    expect(DEFAULT_SETTINGS).toEqual({ lockTimeout: '20ms', retries: 10, pgVersion: 15 });
  });

  it('layers defaults ← root ← package ← flags, key by key', () => {
    const s = mergeSettings({ layers: [root, pkg] }, { retries: 7, rules: { 'require-concurrent-index-creation': 'off' }, ledger: { table: undefined, schema: 'flag' } });
    expect(s).toEqual({
      lockTimeout: '2s', // package over root
      retries: 7, // flag over root
      pgVersion: 14, // root over default
      url: { value: 'postgres://api', file: '/ws/apps/api/package.json' }, // the package's source replaces the root's
      ledger: { table: 'history', schema: 'flag' }, // field by field; an undefined flag leaves the table alone
      rules: { 'ban-drop-column': 'error', 'require-concurrent-index-creation': 'off' },
      packages: ['apps/*'],
      files: ['/ws/dbm.config.ts', '/ws/apps/api/package.json'],
    });
  });

  it('lets an undefined flag leave the config value in force', () => {
    const s = mergeSettings({ layers: [root] }, { lockTimeout: undefined, pgVersion: undefined, orm: undefined });
    expect([s.lockTimeout, s.pgVersion, 'orm' in s]).toEqual(['1s', 14, false]);
  });
});
