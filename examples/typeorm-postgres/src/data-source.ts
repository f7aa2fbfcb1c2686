/**
 * The shop's DataSource: what the app, TypeORM's CLI (`typeorm migration:generate -d src/data-source.ts`)
 * and dbm all read. The database URL comes from DATABASE_URL.
 */
import 'reflect-metadata';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { Order } from './entity/Order.js';
import { Product } from './entity/Product.js';
import { User } from './entity/User.js';

const here = dirname(fileURLToPath(import.meta.url));

export const AppDataSource = new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL,
  entities: [User, Product, Order],
  migrations: [join(here, 'migrations', '*.{ts,js}')],
  migrationsTableName: 'migrations',
  synchronize: false,
  logging: false,
});
