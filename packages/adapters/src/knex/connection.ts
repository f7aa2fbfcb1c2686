/**
 * Where a knexfile's database URL comes from. A knexfile is code: by the time it is loaded,
 * `connection: process.env.DATABASE_URL` is just a value (or undefined), so the variable's name is read
 * from the source text, and a value is matched back to the variable that holds it.
 */
import type { Project } from '../orm-adapter.js';

/** The URL source of a project, and a line of evidence saying how it was found. */
export interface UrlSource {
  readonly url: Project['url'];
  readonly evidence: string;
}

const ENV_REF = /process\.env(?:\.([A-Za-z_$][\w$]*)|\[\s*(['"`])([^'"`]+)\2\s*\])/g;
const CONNECTION_ENV = /\b(?:connection|connectionString)\s*:\s*process\.env(?:\.([A-Za-z_$][\w$]*)|\[\s*(['"`])([^'"`]+)\2\s*\])/g;

/** The environment variables a source text reads, in order of appearance (first one first). */
function envNames(source: string, pattern: RegExp): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(pattern)) {
    const name = m[1] ?? m[3];
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

/** The variable among those the source reads whose current value is `value`, DATABASE_URL first. */
function variableHolding(source: string, value: string): string | undefined {
  const names = envNames(source, ENV_REF).sort((a, b) => Number(b === 'DATABASE_URL') - Number(a === 'DATABASE_URL'));
  return names.find((n) => process.env[n] === value);
}

/** A postgres:// URL from knex's connection object fields. */
function urlOfObject(c: Record<string, unknown>): string | undefined {
  const host = c.host ?? c.server;
  if (typeof host !== 'string' && typeof c.database !== 'string') return undefined;
  const u = new URL('postgres://localhost');
  if (typeof host === 'string') u.hostname = host;
  if (c.port !== undefined) u.port = String(c.port);
  if (typeof c.user === 'string') u.username = encodeURIComponent(c.user);
  if (typeof c.password === 'string') u.password = encodeURIComponent(c.password);
  if (typeof c.database === 'string') u.pathname = `/${encodeURIComponent(c.database)}`;
  if (c.ssl) u.searchParams.set('sslmode', 'require');
  return u.toString();
}

/** From a connection string: the variable holding it, else the literal value. */
function fromString(source: string, environment: string | undefined, value: string, what: string): UrlSource {
  const env = variableHolding(source, value);
  if (env) return { url: { env }, evidence: `${what}: process.env.${env}` };
  // `process.env.X || 'postgres://…'` with X unset now: X when it is set, the written URL otherwise
  const fallbackFor = connectionVariables(source, environment).find((n) => process.env[n] === undefined);
  if (fallbackFor) return { url: { env: fallbackFor, value }, evidence: `${what}: process.env.${fallbackFor}, else a URL written in the knexfile` };
  return { url: { value }, evidence: `${what}: a URL written in the knexfile` };
}

/**
 * The variables assigned to a connection, those inside the chosen environment's block first: the
 * environment's key is found in the text, and the first assignment after it is that environment's.
 */
function connectionVariables(source: string, environment: string | undefined): string[] {
  const at = environment ? source.search(new RegExp(`(^|[\\s{,'"\`])${environment.replace(/[^\w$]/g, '\\$&')}['"\`]?\\s*:`)) : -1;
  const names = envNames(source, CONNECTION_ENV);
  return at < 0 ? names : [...new Set([...envNames(source.slice(at), CONNECTION_ENV), ...names])];
}

/** Where the knexfile's `connection` says the database is. Default: DATABASE_URL. */
export function urlSource(connection: unknown, source: string, environment?: string): UrlSource {
  if (typeof connection === 'string' && connection) return fromString(source, environment, connection, 'connection');
  if (connection && typeof connection === 'object') {
    const c = connection as Record<string, unknown>;
    if (typeof c.connectionString === 'string' && c.connectionString) return fromString(source, environment, c.connectionString, 'connection.connectionString');
    const value = urlOfObject(c);
    if (value) return { url: { value }, evidence: 'connection: host/user/database fields in the knexfile' };
  }
  // unset when loaded (the variable is not set now): the variable the source assigns to the connection
  const named = connectionVariables(source, environment)[0];
  if (named) return { url: { env: named }, evidence: `connection: process.env.${named}` };
  const why = typeof connection === 'function' ? 'the connection is a function' : 'the knexfile names no connection';
  return { url: { env: 'DATABASE_URL' }, evidence: `${why}: dbm uses DATABASE_URL` };
}
