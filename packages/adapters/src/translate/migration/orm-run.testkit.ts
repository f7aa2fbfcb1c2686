/**
 * Test helpers: run one migration up or down in any form the way its ORM runs it — knex's own migrator,
 * TypeORM's DataSource.runMigrations / undoLastMigration, drizzle's own migrator (when it can run the file),
 * dbm apply / rollback for Prisma and drizzle folders, statement by statement for a plain SQL file.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import knex from 'knex';
import pg from 'pg';
import { applyMigrations, loadPostgresParser, parsePostgres, rollbackMigrations, type Ledger, type MigrationSource } from '@dbm/core';
import { DrizzleLedger } from '../../drizzle/ledger.js';
import { readDrizzleMigrations } from '../../drizzle/read.js';
import { PrismaLedger } from '../../prisma/ledger.js';
import { readPrismaMigrations } from '../../prisma/read.js';
import { loadMigrationClasses } from '../../typeorm/classes.js';
import type { MigrationForm } from './types.js';

/** One migration on disk: its form, where it is, and the name its ORM knows it by. */
export interface OnDisk {
  readonly form: MigrationForm;
  /** The file (knex, TypeORM, drizzle, plain SQL) or the Prisma folder. */
  readonly path: string;
}

async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  c.on('error', () => undefined);
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

async function runSqlFile(url: string, file: string): Promise<void> {
  await loadPostgresParser();
  const statements = parsePostgres(await readFile(file, 'utf8'), file).statements;
  await withClient(url, async (c) => {
    for (const s of statements) await c.query(s.sql);
  });
}

async function knexMigrate(url: string, file: string, direction: 'up' | 'down'): Promise<void> {
  const db = knex({ client: 'pg', connection: url });
  try {
    // the databases hold other migrations' tables but no ledger rows for them: run exactly this file
    const config = { directory: path.dirname(file), name: path.basename(file), disableMigrationsListValidation: true };
    await (direction === 'up' ? db.migrate.up(config) : db.migrate.down(config));
  } finally {
    await db.destroy();
  }
}

async function typeorm(url: string, file: string, direction: 'up' | 'down'): Promise<void> {
  const { DataSource } = await import('typeorm');
  const classes = await loadMigrationClasses(file);
  const ds = new DataSource({ type: 'postgres', url, migrations: classes.map((c) => c.migrationClass), migrationsTransactionMode: 'each', logging: false });
  await ds.initialize();
  try {
    if (direction === 'up') {
      const ran = await ds.runMigrations({ transaction: 'each' });
      if (ran.length !== 1) throw new Error(`TypeORM ran ${ran.length} migrations, expected 1`);
    } else {
      // TypeORM reverts in a transaction whatever the class says: a class that opts out needs --transaction none
      const outside = classes.some((c) => new c.migrationClass().transaction === false);
      await ds.undoLastMigration({ transaction: outside ? 'none' : 'each' });
    }
  } finally {
    await ds.destroy();
  }
}

/** dbm's apply / rollback of one SQL migration of a Prisma or drizzle folder. */
async function dbm(url: string, ledger: Ledger, all: MigrationSource[], name: string, direction: 'up' | 'down'): Promise<void> {
  const sources = all.filter((s) => s.name === name);
  if (sources.length !== 1) throw new Error(`no migration ${name} among ${all.map((s) => s.name).join(', ')}`);
  if (direction === 'up') await applyMigrations({ url, ledger, sources, asWritten: true, lockTimeout: '5s' });
  else await rollbackMigrations({ url, ledger, sources, lockTimeout: '5s' });
}

async function drizzleMigrator(url: string, folder: string): Promise<void> {
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  await withClient(url, (c) => migrate(drizzle(c), { migrationsFolder: folder }));
}

/**
 * Runs `m` up or down on `url` as its ORM does. `ownMigrator`: for drizzle, run up with drizzle-orm's own
 * migrator (which runs everything pending in one transaction) rather than dbm apply.
 */
export async function runMigration(url: string, m: OnDisk, direction: 'up' | 'down', options: { ownMigrator?: boolean } = {}): Promise<void> {
  switch (m.form) {
    case 'sql':
      return runSqlFile(url, direction === 'up' ? m.path : m.path.replace(/\.sql$/, '.down.sql'));
    case 'knex':
      return knexMigrate(url, m.path, direction);
    case 'typeorm':
      return typeorm(url, m.path, direction);
    case 'prisma':
      return dbm(url, new PrismaLedger(), await readPrismaMigrations(path.dirname(m.path)), path.basename(m.path), direction);
    case 'drizzle': {
      const folder = path.dirname(m.path);
      if (direction === 'up' && options.ownMigrator) return drizzleMigrator(url, folder);
      return dbm(url, new DrizzleLedger(), await readDrizzleMigrations(folder), path.basename(m.path, '.sql'), direction);
    }
  }
}

/** Drops every ORM's ledger and dbm's bookkeeping, leaving only the schema the migrations made. */
export async function dropLedgers(url: string): Promise<void> {
  await withClient(url, (c) =>
    c.query(`DROP TABLE IF EXISTS public.knex_migrations, public.knex_migrations_lock, public.migrations, public._prisma_migrations;
             DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA IF EXISTS _dbm CASCADE;`),
  );
}
