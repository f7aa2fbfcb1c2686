/** knex's `client` setting (or the driver a package depends on) → the dialect dbm works with. */
import type { Dialect } from '../orm-adapter.js';

const CLIENTS: Readonly<Record<string, Dialect>> = {
  pg: 'postgresql',
  postgres: 'postgresql',
  postgresql: 'postgresql',
  pgnative: 'postgresql',
  mysql: 'mysql',
  mysql2: 'mysql',
  sqlite3: 'sqlite',
  sqlite: 'sqlite',
  'better-sqlite3': 'sqlite',
};

/** The dialect of a knex client name; undefined when dbm does not know the client. */
export function dialectOfClient(client: string): Dialect | undefined {
  return CLIENTS[client.toLowerCase()];
}

/** The dialect implied by the database drivers a package depends on (pg before mysql before sqlite). */
export function dialectOfDrivers(dependencies: readonly string[]): Dialect | undefined {
  for (const driver of ['pg', 'pg-native', 'mysql2', 'mysql', 'better-sqlite3', 'sqlite3']) {
    if (dependencies.includes(driver)) return dialectOfClient(driver === 'pg-native' ? 'pg' : driver);
  }
  return undefined;
}
