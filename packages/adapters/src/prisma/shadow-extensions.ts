/**
 * The extensions a migration history creates, for the embedded shadow database. PGlite bundles most of
 * PostgreSQL's contrib extensions (uuid-ossp, pgcrypto, citext, pg_trgm, hstore, ...) but loads one only
 * when it is passed at start-up; without it `CREATE EXTENSION` fails during the replay.
 */

const CREATE_EXTENSION = /\bCREATE\s+EXTENSION\s+(?:IF\s+NOT\s+EXISTS\s+)?("?)([A-Za-z0-9_-]+)\1/gi;

/** The PGlite contrib modules for every extension the scripts create (those PGlite does not bundle are left out: the replay reports them). */
export async function shadowExtensions(scripts: readonly string[]): Promise<Record<string, unknown>> {
  const names = new Set<string>();
  for (const script of scripts) for (const m of script.matchAll(CREATE_EXTENSION)) names.add(m[2]!.toLowerCase().replaceAll('-', '_'));
  const extensions: Record<string, unknown> = {};
  for (const name of names) {
    if (!/^[a-z0-9_]+$/.test(name)) continue;
    try {
      const mod = (await import(`@electric-sql/pglite/contrib/${name}`)) as Record<string, unknown>;
      if (mod[name]) extensions[name] = mod[name];
    } catch {
      // not bundled with PGlite (or built in, like plpgsql)
    }
  }
  return extensions;
}
