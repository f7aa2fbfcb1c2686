/**
 * Ledger collisions: the same schema.table in the same database (after resolving each package's URL and
 * each ORM's defaults), with the fix in each ORM's own configuration; and a shared ledger read for one
 * package without the other packages' rows.
 */
import { describe, expect, it } from 'vitest';
import type { LedgerRow, MigrationSource } from '@dbm/core';
import type { Project } from '../orm-adapter.js';
import { findLedgerCollisions, ledgerSiblings } from './collisions.js';
import { ledgerLocation } from './ledger-location.js';
import { ownRows } from './own-rows.js';

const project = (orm: Project['orm'], root: string, extra: Partial<Project> = {}): Project => ({
  orm,
  dialect: 'postgresql',
  root,
  migrationsDir: `${root}/migrations`,
  url: { env: 'DATABASE_URL' },
  evidence: [],
  ...extra,
});
const DB = 'postgres://app:secret@DB.example:5432/shop';

describe('ledgerLocation', () => {
  it('each ORM’s default table, host/port/name as the database, never the password', () => {
    expect(ledgerLocation(project('prisma', '/a'), DB)).toEqual({ database: 'db.example:5432/shop', schema: 'public', table: '_prisma_migrations' });
    expect(ledgerLocation(project('drizzle', '/a'), DB)).toMatchObject({ schema: 'drizzle', table: '__drizzle_migrations' });
    expect(ledgerLocation(project('knex', '/a'), DB)).toMatchObject({ schema: 'public', table: 'knex_migrations' });
    expect(ledgerLocation(project('typeorm', '/a'), DB)).toMatchObject({ schema: 'public', table: 'migrations' });
    expect(JSON.stringify(ledgerLocation(project('knex', '/a'), DB))).not.toContain('secret');
  });

  it('Prisma’s ?schema= moves its table; a project’s own table and schema win', () => {
    expect(ledgerLocation(project('prisma', '/a'), `${DB}?schema=api`)).toMatchObject({ schema: 'api', table: '_prisma_migrations' });
    expect(ledgerLocation(project('knex', '/a', { ledgerTable: 'billing_migrations', ledgerSchema: 'billing' }), DB)).toMatchObject({ schema: 'billing', table: 'billing_migrations' });
  });

  it('an unset URL is known by its variable; the default port and the user’s database fill in', () => {
    expect(ledgerLocation(project('knex', '/a', { url: { env: 'BILLING_URL' } }), undefined).database).toBe('$BILLING_URL');
    expect(ledgerLocation(project('knex', '/a'), 'postgres://me@localhost').database).toBe('localhost:5432/me');
  });
});

describe('findLedgerCollisions', () => {
  it('two drizzle packages on the default table collide; the fix names each one’s drizzle.config', () => {
    const found = findLedgerCollisions([
      { name: '@shop/analytics', project: project('drizzle', '/w/analytics', { configPath: '/w/analytics/drizzle.config.ts' }), url: DB },
      { name: '@shop/reports', project: project('drizzle', '/w/reports', { configPath: '/w/reports/drizzle.config.ts' }), url: DB },
      { name: '@shop/billing', project: project('knex', '/w/billing'), url: DB },
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ database: 'db.example:5432/shop', ledger: 'drizzle.__drizzle_migrations', keeps: '@shop/analytics' });
    expect(found[0]!.packages[0]!.fix).toBeUndefined();
    expect(found[0]!.packages[1]!.fix).toMatch(/^in drizzle\.config\.ts set migrations: \{ table: '__drizzle_migrations_reports', schema: 'drizzle' \}/);
  });

  it('other databases, or a table of its own, do not collide', () => {
    expect(
      findLedgerCollisions([
        { name: 'a', project: project('knex', '/a'), url: DB },
        { name: 'b', project: project('knex', '/b'), url: DB.replace('/shop', '/other') },
        { name: 'c', project: project('knex', '/c', { ledgerTable: 'knex_migrations_c' }), url: DB },
      ]),
    ).toEqual([]);
  });

  it('Prisma keeps the table (it cannot rename it); knex and TypeORM get their own settings', () => {
    const found = findLedgerCollisions([
      { name: 'legacy', project: project('typeorm', '/l', { schemaPath: '/l/src/data-source.ts', ledgerTable: '_prisma_migrations' }), url: DB },
      { name: 'billing', project: project('knex', '/b', { configPath: '/b/knexfile.js', ledgerTable: '_prisma_migrations' }), url: DB },
      { name: '@shop/api', project: project('prisma', '/p'), url: DB },
    ]);
    expect(found[0]!.keeps).toBe('@shop/api');
    const fixes = Object.fromEntries(found[0]!.packages.map((p) => [p.name, p.fix]));
    expect(fixes['legacy']).toMatch(/^in src\/data-source\.ts set migrationsTableName: 'legacy_migrations'/);
    expect(fixes['billing']).toMatch(/^in knexfile\.js set migrations: \{ tableName: 'knex_migrations_billing' \}/);
    expect(found[0]!.packages.map((p) => p.name)).toEqual(['@shop/api', 'legacy', 'billing']);
    expect(ledgerSiblings(found, 'billing')).toEqual(['@shop/api', 'legacy']);
    expect(ledgerSiblings(found, 'elsewhere')).toEqual([]);
  });

  it('two Prisma packages: the second is told to use a schema of its own via ?schema=', () => {
    const found = findLedgerCollisions([
      { name: '@shop/api', project: project('prisma', '/p'), url: DB },
      { name: '@shop/admin', project: project('prisma', '/q'), url: DB },
    ]);
    expect(found[0]!.packages[1]!.fix).toMatch(/^Prisma cannot rename _prisma_migrations: give this package a schema of its own with \?schema=admin/);
  });
});

describe('ownRows', () => {
  const src = (name: string, checksum = ''): MigrationSource => ({ name, checksum, order: 0, path: name });
  const row = (name: string, checksum?: string): LedgerRow => ({ name, ...(checksum ? { checksum } : {}), finishedAt: new Date(0) });

  it('sets aside the rows of sibling packages (by name or hash), keeps its own and unknown ones', () => {
    const own = [src('0000_a', 'h-a')];
    const siblings = [src('0000_b', 'h-b'), src('x.js')];
    // a drizzle row nothing of its own matched is named by its hash
    const r = ownRows([row('0000_a', 'h-a'), row('h-b', 'h-b'), row('x.js'), row('stray', 'h-z')], own, siblings);
    expect(r.rows.map((x) => x.name)).toEqual(['0000_a', 'stray']);
    expect(r.shared).toBe(2);
  });
});
