/**
 * The target schema, loaded into a scratch database so the server itself describes it: a temporary
 * database on the same server (same version, same extensions), dropped afterwards; an in-process PGlite
 * when the user may not create databases.
 */
import type pg from 'pg';
import { connect, type ParsedFile } from '@dbm/core';
import { KnexGenerateError } from '../errors.js';
import type { Queryable } from './introspect.js';

/** A loaded target schema. */
export interface TargetDatabase {
  readonly db: Queryable;
  /** Where it was loaded, for messages: "a temporary database" or "PGlite". */
  readonly where: string;
  close(): Promise<void>;
}

/** Runs each statement of the target schema; an error names the statement's place in the file. */
async function load(run: (sql: string) => Promise<unknown>, parsed: ParsedFile, file: string): Promise<void> {
  for (const s of parsed.statements) {
    try {
      await run(s.sql);
    } catch (e) {
      throw new KnexGenerateError(`${file}:${s.loc.line}:${s.loc.column}: the target schema does not load: ${(e as Error).message}; nothing was written`);
    }
  }
}

function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

async function onServer(admin: pg.Client, url: string, parsed: ParsedFile, file: string): Promise<TargetDatabase | undefined> {
  const name = `dbm_target_${process.pid}_${Date.now().toString(36)}`;
  try {
    // template0: nothing a team added to template1 shows up as part of the target
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0`);
  } catch (e) {
    if ((e as { code?: string }).code === '42501') return undefined;
    throw e;
  }
  const drop = () => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => undefined);
  let client: pg.Client | undefined;
  try {
    client = await connect(databaseUrl(url, name), 'dbm (target schema)');
    const c = client;
    await load((sql) => c.query(sql), parsed, file);
  } catch (e) {
    await client?.end().catch(() => undefined);
    await drop().catch(() => undefined);
    throw e;
  }
  const c = client;
  return {
    db: c,
    where: 'a temporary database',
    close: async () => {
      await c.end().catch(() => undefined);
      await drop();
    },
  };
}

async function inPglite(parsed: ParsedFile, file: string): Promise<TargetDatabase> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create();
  try {
    await load((sql) => db.exec(sql), parsed, file);
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
  return { db: db as unknown as Queryable, where: 'PGlite', close: () => db.close() };
}

/**
 * Loads the target schema beside the database at `url` (`admin` is connected to it); falls back to PGlite
 * when the user may not create databases there.
 */
export async function openTarget(admin: pg.Client, url: string, parsed: ParsedFile, file: string): Promise<TargetDatabase> {
  return (await onServer(admin, url, parsed, file)) ?? inPglite(parsed, file);
}
