/**
 * The legacy service's DataSource, read by TypeORM's CLI and by dbm. The database is the workspace's
 * DATABASE_URL; the history table is the service's own (legacy_migrations), not TypeORM's default.
 */
import 'reflect-metadata';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { Customer } from './entity/Customer.js';
import { Note } from './entity/Note.js';

const here = dirname(fileURLToPath(import.meta.url));

export const AppDataSource = new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL,
  entities: [Customer, Note],
  migrations: [join(here, 'migrations', '*.{ts,js}')],
  migrationsTableName: 'legacy_migrations',
  synchronize: false,
  logging: false,
});
