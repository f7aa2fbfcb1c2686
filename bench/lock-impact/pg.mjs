/**
 * The `pg` driver for the benchmark. bench/package.json does not list `pg` (and nobody may run
 * `pnpm add` in this shared tree), so it is resolved from @dbm/core's own dependencies: the very
 * driver executePlan is built against.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.resolve('@dbm/core'));

/** The node-postgres module (Client, Pool). */
export const pg = require('pg');

/** Opens one client on `url`; a connection that dies later must not crash the process. */
export async function open(url, applicationName) {
  const client = new pg.Client({ connectionString: url, application_name: applicationName });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}
