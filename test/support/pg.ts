/**
 * The PostgreSQL server every database test uses: DBM_TEST_PG_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres). An unreachable server fails the tests, never skips them.
 */
import pg from 'pg';

/** The server the tests use. */
export const ADMIN_URL = process.env.DBM_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The URL of database `name` on the test server, optionally with a password in it. */
export function urlOf(name: string, password?: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  if (password !== undefined) u.password = encodeURIComponent(password);
  return u.toString();
}

/** A connected client on `url`; a clear failure when the server cannot be reached. */
export async function connect(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  c.on('error', () => undefined);
  try {
    await c.connect();
  } catch (e) {
    const u = new URL(url);
    throw new Error(`PostgreSQL test server unreachable at ${u.host}${u.pathname} (set DBM_TEST_PG_URL): ${(e as Error).message}`);
  }
  return c;
}
