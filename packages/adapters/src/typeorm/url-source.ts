/**
 * Where a TypeORM DataSource gets its database URL: an environment variable (read from the file's text,
 * `url: process.env.NAME`), else a literal URL, else one built from host/port/username/password/database.
 */
import type { DataSourceOptions } from 'typeorm';
import type { Project } from '../orm-adapter.js';

const URL_FROM_ENV = /\burl\s*:\s*process\.env(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]\s*\])/;
const ANY_URL_ENV = /process\.env(?:\.([A-Za-z_][A-Za-z0-9_]*URL[A-Za-z0-9_]*)|\[\s*['"]([A-Za-z_][A-Za-z0-9_]*URL[A-Za-z0-9_]*)['"]\s*\])/;

interface ConnectionFields {
  url?: unknown;
  host?: unknown;
  port?: unknown;
  username?: unknown;
  password?: unknown;
  database?: unknown;
}

function fromFields(o: ConnectionFields): string | undefined {
  if (typeof o.host !== 'string' && typeof o.database !== 'string') return undefined;
  const u = new URL('postgres://localhost');
  if (typeof o.host === 'string') u.hostname = o.host;
  if (o.port !== undefined && o.port !== null && o.port !== '') u.port = String(o.port);
  if (typeof o.username === 'string') u.username = encodeURIComponent(o.username);
  if (typeof o.password === 'string') u.password = encodeURIComponent(o.password);
  if (typeof o.database === 'string') u.pathname = `/${encodeURIComponent(o.database)}`;
  return u.toString();
}

/**
 * The URL source of a DataSource. `text` is the DataSource file's source. With no sign of a URL at all,
 * DATABASE_URL (what every dbm verb falls back to).
 */
export function urlSource(options: DataSourceOptions, text: string): Project['url'] {
  const m = URL_FROM_ENV.exec(text) ?? ANY_URL_ENV.exec(text);
  const env = m?.[1] ?? m?.[2];
  if (env) return { env };
  const o = options as ConnectionFields;
  if (typeof o.url === 'string' && o.url) return { value: o.url };
  const built = fromFields(o);
  return built ? { value: built } : { env: 'DATABASE_URL' };
}
