/**
 * Where a drizzle project's database URL comes from. drizzle.config evaluates `dbCredentials` when it
 * loads, so `url: process.env.DATABASE_URL` arrives as a value (or undefined): the variable's name is
 * read from the config's text instead, and only a URL written literally in the config is kept as one.
 */
import type { Project } from '../orm-adapter.js';
import type { DrizzleConfig } from './config.js';

// `url: process.env.NAME`, `url: process.env['NAME']`, with an optional `!`, `??` or `||` after it
const URL_FROM_ENV = /\burl\s*:\s*process\.env(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]\s*\])/;
const ANY_ENV = /process\.env(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]\s*\])/g;

/** The name of the variable the config reads the URL from, if its text says so. */
function envName(text: string, url: unknown): string | undefined {
  const direct = URL_FROM_ENV.exec(text);
  if (direct) return direct[1] ?? direct[2];
  // e.g. `const url = process.env.PG_URL; ... dbCredentials: { url }`: a variable whose value is the URL
  const names = [...text.matchAll(ANY_ENV)].map((m) => (m[1] ?? m[2])!);
  if (typeof url === 'string') return names.find((n) => process.env[n] === url);
  const urlish = names.filter((n) => /URL|DSN|DATABASE/i.test(n));
  return urlish.length === 1 ? urlish[0] : undefined;
}

/** A postgres:// URL from separate credentials (host, port, user, password, database). */
function fromParts(c: Readonly<Record<string, unknown>>): string | undefined {
  if (typeof c.host !== 'string' || typeof c.database !== 'string') return undefined;
  const user = typeof c.user === 'string' ? encodeURIComponent(c.user) : '';
  const password = typeof c.password === 'string' ? `:${encodeURIComponent(c.password)}` : '';
  const auth = user ? `${user}${password}@` : '';
  const port = c.port !== undefined ? `:${String(c.port)}` : '';
  return `postgres://${auth}${c.host}${port}/${encodeURIComponent(c.database)}`;
}

/** The project's URL source: the variable the config reads, else a literal URL, else DATABASE_URL. */
export function drizzleUrlSource(config: DrizzleConfig, text: string): Project['url'] {
  const creds = config.dbCredentials ?? {};
  const env = envName(text, creds.url);
  if (env) return { env };
  if (typeof creds.url === 'string' && creds.url !== '') return { value: creds.url };
  const built = fromParts(creds);
  if (built) return { value: built };
  return { env: 'DATABASE_URL' };
}
