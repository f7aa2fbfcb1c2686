/**
 * The shadow database of `dbm generate`, without asking the user for one: an embedded PGlite in which
 * the migrations are replayed as the Prisma CLI replays them into its shadow database (the init script
 * first, then each migration.sql in folder order, each as one multi-statement script), served on a
 * local port so Prisma's schema engine can read the resulting schema over the PostgreSQL protocol.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import { freshPglite } from './pglite-template.js';
import { shadowExtensions } from './shadow-extensions.js';
import { PrismaProjectError } from './project-error.js';

/** A running shadow database. */
export interface Shadow {
  /** A postgres:// URL on 127.0.0.1. */
  readonly url: string;
  /** Stops the server and the database. */
  close(): Promise<void>;
}

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/** Replays the migrations of `list` into `db`; a failing one is reported by name, as Prisma reports it (P3006). */
async function replay(db: { exec(sql: string): Promise<unknown> }, list: MigrationList): Promise<void> {
  if (list.shadowDbInitScript.trim()) {
    await db.exec(list.shadowDbInitScript).catch((e: Error) => {
      throw new PrismaProjectError(`migrations.initShadowDb in the Prisma config failed on the shadow database: ${e.message}`);
    });
  }
  for (const dir of list.migrationDirectories) {
    const path = join(list.baseDir, dir.path, dir.migrationFile.path);
    if (dir.migrationFile.content.tag === 'error') {
      throw new PrismaProjectError(`cannot read ${path}: ${dir.migrationFile.content.value} (Prisma treats every folder in ${list.baseDir} as a migration)`, path);
    }
    try {
      await db.exec(dir.migrationFile.content.value);
    } catch (e) {
      throw new PrismaProjectError(
        `migration ${dir.path} failed to apply cleanly to the shadow database (an embedded PostgreSQL): ${(e as Error).message}; fix ${path} so it runs on an empty database after the migrations before it`,
        path,
      );
    }
  }
}

/** Starts an embedded PostgreSQL holding the schema the migrations of `list` build. Close it when done. */
export async function openShadow(list: MigrationList): Promise<Shadow> {
  const scripts = [list.shadowDbInitScript, ...list.migrationDirectories.map((d) => (d.migrationFile.content.tag === 'ok' ? d.migrationFile.content.value : ''))];
  const db = await freshPglite(await shadowExtensions(scripts));
  try {
    await replay(db, list);
    const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
    // the port is probed first because the server does not report the one it got for port 0
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 16 });
      try {
        await server.start();
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE' && attempt < 5) continue;
        throw e;
      }
      return {
        url: `postgres://postgres@127.0.0.1:${port}/postgres`,
        async close() {
          await server.stop().catch(() => undefined);
          await db.close().catch(() => undefined);
        },
      };
    }
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
}
