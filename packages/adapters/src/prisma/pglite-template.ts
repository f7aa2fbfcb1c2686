/**
 * A fresh, empty embedded PostgreSQL (PGlite). Creating one runs initdb in wasm, which takes 10 s or more;
 * loading a saved data directory takes about one. So the first creation saves its data directory (gzip,
 * ~5 MB) in the system's temporary folder, keyed by the PGlite version, and later ones start from it.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Extensions, PGlite } from '@electric-sql/pglite';

/** The installed PGlite's version, read from its package.json (found through its entry point). */
async function pgliteVersion(): Promise<string> {
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (;;) {
    const text = await readFile(join(dir, 'package.json'), 'utf8').catch(() => undefined);
    const pkg = text ? (JSON.parse(text) as { name?: string; version?: string }) : undefined;
    if (pkg?.name === '@electric-sql/pglite' && pkg.version) return pkg.version;
    if (dirname(dir) === dir) return 'unknown';
    dir = dirname(dir);
  }
}

/** Where the saved data directory lives. */
async function templatePath(): Promise<string> {
  const user = process.getuid?.() ?? 'user';
  return join(tmpdir(), `dbm-${user}`, `pglite-${await pgliteVersion()}-initdb.tar.gz`);
}

/** Saves a freshly initialised data directory; a failure only costs the next run its speed-up. */
async function save(db: PGlite, path: string): Promise<void> {
  try {
    const dump = await db.dumpDataDir('gzip');
    await mkdir(dirname(path), { recursive: true });
    // write beside, then rename: a concurrent reader never sees half a file
    const part = `${path}.${process.pid}.part`;
    await writeFile(part, Buffer.from(await dump.arrayBuffer()));
    await rename(part, path);
  } catch {
    // the cache is an optimisation only
  }
}

/** Starts an empty in-memory PGlite (from the saved data directory when there is one), with the given contrib extensions. */
export async function freshPglite(extensions: Record<string, unknown> = {}): Promise<PGlite> {
  const { PGlite } = await import('@electric-sql/pglite');
  const options = { extensions: extensions as Extensions };
  const path = await templatePath();
  const saved = await readFile(path).catch(() => undefined);
  if (saved) {
    try {
      return await PGlite.create({ ...options, loadDataDir: new Blob([saved]) });
    } catch {
      // a damaged or foreign file: drop it and initialise from scratch
      await rm(path, { force: true });
    }
  }
  const db = await PGlite.create(options);
  await save(db, path);
  return db;
}
