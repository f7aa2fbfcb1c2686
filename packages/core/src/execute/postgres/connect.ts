/** Opens a PostgreSQL connection, turning driver failures into messages that say what to do. */
import pg from 'pg';
import { redactText, redactUrl } from '../redact.js';

/** A connection failure, already phrased for the user (password redacted). */
export class ConnectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectionError';
  }
}

/** Explains a driver error in words a user can act on. */
export function explainConnectError(e: unknown, url: string): string {
  const err = e as { code?: string; message?: string };
  const where = redactUrl(url);
  let host = '?';
  let database = '?';
  let user = '?';
  try {
    const u = new URL(url);
    host = `${u.hostname}:${u.port || 5432}`;
    database = decodeURIComponent(u.pathname.slice(1)) || user;
    user = decodeURIComponent(u.username) || process.env.USER || '?';
  } catch {
    /* keep the placeholders */
  }
  switch (err.code) {
    case 'ECONNREFUSED':
      return `cannot reach PostgreSQL at ${host} (connection refused): is the server running, and is DATABASE_URL right? (${where})`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot resolve the host in ${where}: check the host name in DATABASE_URL`;
    case 'ETIMEDOUT':
      return `timed out connecting to ${host}: check the host, the port and any firewall (${where})`;
    case '28P01':
      return `password authentication failed for user "${user}" on ${host}: check the password in DATABASE_URL (${where})`;
    case '28000':
      return `the server refused user "${user}" (no pg_hba.conf entry or role does not exist) on ${host} (${where})`;
    case '3D000':
      return `database "${database}" does not exist on ${host}: create it (createdb ${database}) or fix DATABASE_URL (${where})`;
    default:
      return `cannot connect to ${where}: ${redactText(String(err.message ?? e), url)}`;
  }
}

/** Connects, or throws a {@link ConnectionError} whose message names the fix. */
export async function connect(url: string, applicationName = 'dbm'): Promise<pg.Client> {
  if (!url) throw new ConnectionError('no database URL: set DATABASE_URL (postgres://user:password@host:5432/db) or pass --url');
  const client = new pg.Client({ connectionString: url, application_name: applicationName, connectionTimeoutMillis: 10_000 });
  // an idle connection that dies must not crash the process with an unhandled 'error' event
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => undefined);
    throw new ConnectionError(explainConnectError(e, url));
  }
  return client;
}

/**
 * Ends a session without waiting for the server to close its side, for a command with nothing left to do:
 * the Terminate message goes out at once (the server ends the session cleanly), and the socket no longer
 * keeps the process alive. Waiting for the server's close, its backend process exiting, took ~4 ms of
 * every `dbm status`.
 */
export function endWithoutWaiting(client: pg.Client): void {
  client.end().catch(() => undefined);
  // pg keeps its socket as connection.stream; no public handle reaches it
  (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
}
