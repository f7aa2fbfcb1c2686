/** The `pg` driver for the benchmark (the same version executePlan is built against). */
import pgModule from 'pg';

/** The node-postgres module (Client, Pool). */
export const pg = pgModule;

/** Opens one client on `url`; a connection that dies later must not crash the process. */
export async function open(url, applicationName) {
  const client = new pg.Client({ connectionString: url, application_name: applicationName });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}
