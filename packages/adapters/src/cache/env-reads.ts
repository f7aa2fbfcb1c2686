/**
 * Which environment variables a piece of code read. Config files are code (`process.env.DATABASE_URL`,
 * `NODE_ENV` choosing a knexfile environment), so a cached result of loading one depends on them. A
 * single proxy is put in front of process.env once; reads are reported to every recording in progress,
 * so recordings that overlap (several packages detected in parallel) each see all the reads.
 */
import { createHash } from 'node:crypto';

type Recording = Set<string>;

// set by the shell for each command it runs (`_` is the program's path): never configuration, and never
// the same between `dbm status` and `npx dbm status`
const VOLATILE = new Set(['_', 'OLDPWD', 'SHLVL', 'COLUMNS', 'LINES']);
const active = new Set<Recording>();
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  const real = process.env;
  const note = (key: string | symbol) => {
    if (typeof key === 'string' && !VOLATILE.has(key)) for (const r of active) r.add(key);
  };
  process.env = new Proxy(real, {
    get(target, key) {
      note(key);
      return Reflect.get(target, key);
    },
    has(target, key) {
      note(key);
      return Reflect.has(target, key);
    },
  });
}

/** A variable's value as stored in a cache: a hash, so no secret (a URL's password) is written to disk. */
export function envFingerprint(name: string): string | null {
  const v = process.env[name];
  return v === undefined ? null : createHash('sha256').update(v).digest('hex').slice(0, 32);
}

/** Runs `work`, returning its result and the fingerprint of every variable read meanwhile. */
export async function recordEnvReads<T>(work: () => Promise<T>): Promise<{ result: T; env: Record<string, string | null> }> {
  install();
  const reads: Recording = new Set();
  active.add(reads);
  let result: T;
  try {
    result = await work();
  } finally {
    active.delete(reads);
  }
  const env: Record<string, string | null> = {};
  for (const name of [...reads].sort()) env[name] = envFingerprint(name);
  return { result, env };
}

/** Whether every recorded variable still has the value it had. */
export function envHolds(env: Readonly<Record<string, string | null>>): boolean {
  return Object.entries(env).every(([name, fp]) => envFingerprint(name) === fp);
}
