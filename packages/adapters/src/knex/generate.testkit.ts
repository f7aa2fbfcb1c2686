/**
 * Helpers for the knex generate tests: a throwaway knex project on disk, the generated migrations applied
 * and rolled back through knex itself (the runners), and the catalog of a database to compare.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { onTestFinished } from 'vitest';
import { loadPostgresParser, parsePostgres } from '@dbm/core';
import { applyPending, rollbackOne, tableShape } from '../code/engine.testkit.js';
import type { Project } from '../orm-adapter.js';
import { KnexLedger } from './ledger.js';
import { readKnexMigrations } from './read.js';

/** A knex project in a temporary directory, removed when the test ends: package.json (ESM unless `type` says otherwise), migrations/. */
export async function knexProject(type: 'module' | 'commonjs' = 'module', files: Record<string, string> = {}): Promise<Project> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'dbm-knex-gen-'));
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  await writeFile(path.join(root, 'package.json'), JSON.stringify({ type, dependencies: { knex: '3.3.0', pg: '8' } }));
  await mkdir(path.join(root, 'migrations'));
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(root, file), text);
  return { orm: 'knex', dialect: 'postgresql', root, migrationsDir: path.join(root, 'migrations'), url: { env: 'DATABASE_URL' }, evidence: [] };
}

/** The file names in the project's migrations folder. */
export const migrationFiles = (p: Project): Promise<string[]> => readdir(p.migrationsDir).then((f) => f.sort());

/** Runs SQL statement by statement in autocommit (as psql would run a file). */
export async function runSql(client: pg.Client, sql: string): Promise<void> {
  await loadPostgresParser();
  for (const s of parsePostgres(sql).statements) await client.query(s.sql);
}

/** Applies every pending migration of the project through knex (one batch); the names run. */
export async function applyKnex(url: string, p: Project): Promise<string[]> {
  const sources = await readKnexMigrations({ directory: p.migrationsDir });
  return applyPending(url, new KnexLedger(), sources);
}

/** Rolls back the named migrations through knex, newest first. */
export async function rollbackKnex(url: string, p: Project, names: readonly string[]): Promise<void> {
  const sources = await readKnexMigrations({ directory: p.migrationsDir });
  for (const name of [...names].reverse()) await rollbackOne(url, new KnexLedger(), sources.find((s) => s.name === name)!);
}

/** Every table of `schemas` (without knex's own) with its shape, and the enum types with their labels. */
export async function catalog(client: pg.Client, schemas: readonly string[] = ['public']): Promise<unknown> {
  const tables = await client.query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
     WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'knex\\_migrations%' ORDER BY 1, 2`,
    [schemas],
  );
  const shapes: Record<string, unknown> = {};
  for (const t of tables.rows) shapes[`${t.schema}.${t.name}`] = await tableShape(client, t.schema, t.name);
  const enums = await client.query(
    `SELECT t.typname AS name, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY 1 ORDER BY 1`,
  );
  return { tables: shapes, enums: enums.rows };
}
