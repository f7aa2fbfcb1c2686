// The shop's database handle: drizzle-orm over node-postgres (a pool drizzle opens itself), connected
// with DATABASE_URL.
import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from './schema.js';

/** Opens the shop's database; call `close` when done. */
export function openDb(url = process.env.DATABASE_URL) {
  if (!url) throw new Error('set DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/shop');
  const db = drizzle({ connection: url, schema });
  return { db, close: () => db.$client.end() };
}
