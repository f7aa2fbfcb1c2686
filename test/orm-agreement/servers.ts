/**
 * Servers for the bad-URL cases: a port nothing listens on, and a server that rejects a password.
 *
 * The test server usually trusts local connections (pg_hba "trust"), so it cannot reject a wrong password.
 * When it does check passwords it is used as is; otherwise a front speaks the PostgreSQL wire protocol
 * just far enough to ask for the password, answers a wrong one exactly as PostgreSQL does (FATAL 28P01
 * "password authentication failed for user ..."), and relays a client with the right one to the server.
 */
import net from 'node:net';
import pg from 'pg';
import { ADMIN_URL } from './db.js';

/** A TCP port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Where a wrong password gets rejected. */
export interface PasswordCheck {
  /** The URL of `database` with `password` in it (percent-encoded, as a URL must carry it). */
  url(password: string, database?: string): string;
  /** Which server checks the password. */
  readonly kind: string;
  /** The password it accepts. */
  readonly password: string;
  /** Passwords the front received (the clients really sent them); empty for the real server. */
  readonly received: string[];
  close(): Promise<void>;
}

async function realServerChecksPasswords(): Promise<boolean> {
  const u = new URL(ADMIN_URL);
  u.password = `wrong-${Date.now()}`;
  const c = new pg.Client({ connectionString: u.toString(), connectionTimeoutMillis: 10_000 });
  c.on('error', () => undefined);
  try {
    await c.connect();
    await c.end();
    return false;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === '28P01') return true;
    if (code === 'ECONNREFUSED' || code === 'ETIMEDOUT') throw new Error(`PostgreSQL test server unreachable at ${new URL(ADMIN_URL).host}: ${(e as Error).message}`);
    return false;
  }
}

function frame(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

function errorResponse(fields: Record<string, string>): Buffer {
  const parts = Object.entries(fields).map(([k, v]) => Buffer.from(`${k}${v}\0`, 'utf8'));
  return frame('E', Buffer.concat([...parts, Buffer.from([0])]));
}

/**
 * A password-checking front for the test server: it asks each client for a cleartext password, answers a
 * wrong one exactly as PostgreSQL does, and hands a client with the right one over to the real server
 * (which trusts it), relaying every byte from then on.
 */
async function standIn(password: string): Promise<PasswordCheck> {
  const upstream = new URL(ADMIN_URL);
  const received: string[] = [];
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    return socket;
  };
  const toServer = () => track(net.connect(Number(upstream.port || 5432), upstream.hostname));
  const server = net.createServer((client) => {
    track(client);
    let buf = Buffer.alloc(0);
    let stage: 'startup' | 'password' | 'relayed' = 'startup';
    let startup = Buffer.alloc(0);
    let user = '?';
    const onData = (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        if (stage === 'startup') {
          if (buf.length < 8) return;
          const len = buf.readInt32BE(0);
          if (buf.length < len) return;
          const code = buf.readInt32BE(4);
          const message = buf.subarray(0, len);
          buf = buf.subarray(len);
          if (code === 80877103 || code === 80877104) {
            client.write('N'); // SSLRequest / GSSENCRequest: not supported, go on in plain text
            continue;
          }
          if (code === 80877102) {
            toServer().end(message); // a CancelRequest: the real server's business
            client.end();
            return;
          }
          startup = Buffer.from(message);
          const params = message.subarray(8).toString('utf8').split('\0');
          const at = params.indexOf('user');
          if (at >= 0) user = params[at + 1] ?? user;
          const auth = Buffer.alloc(4);
          auth.writeInt32BE(3); // AuthenticationCleartextPassword
          client.write(frame('R', auth));
          stage = 'password';
        } else if (stage === 'password') {
          if (buf.length < 5) return;
          const len = buf.readInt32BE(1);
          if (buf.length < len + 1) return;
          const given = buf.subarray(5, len + 1).toString('utf8').replace(/\0$/, '');
          buf = buf.subarray(len + 1);
          received.push(given);
          if (given !== password) {
            stage = 'relayed';
            client.end(errorResponse({ S: 'FATAL', V: 'FATAL', C: '28P01', M: `password authentication failed for user "${user}"`, R: 'auth_failed' }));
            return;
          }
          // the right password: the real server takes over from the startup message on
          stage = 'relayed';
          client.off('data', onData);
          const real = toServer();
          real.write(startup);
          if (buf.length) real.write(buf);
          client.pipe(real);
          real.pipe(client);
          real.on('close', () => client.destroy());
          client.on('close', () => real.destroy());
          return;
        } else return;
      }
    };
    client.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    kind: 'password-checking front of the test server',
    password,
    received,
    url(given, database = 'postgres') {
      const u = new URL(ADMIN_URL);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      u.password = encodeURIComponent(given);
      u.pathname = `/${database}`;
      return u.toString();
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A server that checks passwords: the test server itself when it does (its password is the one in
 * DBM_TEST_PG_URL), else a front for it that accepts only `password`.
 */
export async function passwordCheck(password: string): Promise<PasswordCheck> {
  if (await realServerChecksPasswords()) {
    return {
      kind: 'real server',
      password: decodeURIComponent(new URL(ADMIN_URL).password),
      received: [],
      url(password, database = new URL(ADMIN_URL).pathname.slice(1)) {
        const u = new URL(ADMIN_URL);
        u.password = encodeURIComponent(password);
        u.pathname = `/${database}`;
        return u.toString();
      },
      close: async () => undefined,
    };
  }
  return standIn(password);
}
