/**
 * --from-schema: the SQL that takes the database to a target schema (a SQL file). The target is loaded
 * into a scratch database, both are read from the catalogs, and the difference becomes statements that
 * then go through the same safety pass and knex writer as --from-sql.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { connect, parsePostgres, readStatus, SqlParseError, type ParsedFile } from '@dbm/core';
import type { GenerateOptions, Project } from '../../orm-adapter.js';
import { KnexGenerateError } from '../errors.js';
import { openKnexProject } from '../project-open.js';
import type { PlanSource } from '../plan-files.js';
import { diffSchemas } from './diff.js';
import { introspect, userSchemas } from './introspect.js';
import { openTarget } from './target-db.js';

/** The statements, and how the files name where they came from. */
export interface SchemaDiff {
  readonly sql: string;
  readonly file: string;
  readonly source: PlanSource;
}

async function parseTarget(file: string, rel: string): Promise<ParsedFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new KnexGenerateError(`cannot read ${rel}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  try {
    return parsePostgres(text, rel);
  } catch (e) {
    if (e instanceof SqlParseError) throw new KnexGenerateError(`${e.format()}; nothing was written`);
    throw e;
  }
}

/** knex's two ledger tables, which are the ORM's and never part of the schema. */
function ledgerTables(project: Project): string[] {
  const schema = project.ledgerSchema ?? 'public';
  const table = project.ledgerTable ?? 'knex_migrations';
  return [`${schema}.${table}`, `${schema}.${table}_lock`];
}

/**
 * The diff compares the database as it is: with migrations not yet applied it would write their changes
 * again. Refuses then, before anything is written.
 */
async function requireApplied(admin: pg.Client, project: Project): Promise<void> {
  const set = await openKnexProject(project);
  const status = await readStatus(admin, set.ledger, set.sources);
  const waiting = status.migrations.filter((m) => m.state === 'pending' || m.state === 'out-of-order' || m.state === 'failed');
  if (waiting.length) {
    throw new KnexGenerateError(
      `--from-schema compares the database with the target schema, but ${waiting.length} migration${waiting.length === 1 ? ' is' : 's are'} not applied ` +
        `(${waiting.map((m) => m.name).join(', ')}): run dbm apply first, so the new migration does not repeat them; nothing was written`,
    );
  }
}

/** The statements that take the database at `options.url` to the schema in `options.fromSchema`. */
export async function schemaDiffSql(project: Project, options: GenerateOptions & { readonly fromSchema: string }): Promise<SchemaDiff> {
  const rel = path.relative(process.cwd(), options.fromSchema) || options.fromSchema;
  const target = await parseTarget(options.fromSchema, rel);
  if (!options.url) {
    throw new KnexGenerateError(`--from-schema compares the database with ${rel}: set ${project.url.env ?? 'DATABASE_URL'} or pass --url postgres://user:password@host:5432/db`);
  }
  if (!/^postgres(ql)?:\/\//.test(options.url)) throw new KnexGenerateError('--from-schema needs a PostgreSQL URL (postgres://...)');
  const admin = await connect(options.url, 'dbm (generate --from-schema)');
  try {
    await requireApplied(admin, project);
    const scratch = await openTarget(admin, options.url, target, rel);
    try {
      const schemas = await userSchemas(scratch.db);
      const present = (await userSchemas(admin)).filter((s) => schemas.includes(s));
      const exclude = ledgerTables(project);
      const from = await introspect(admin, { schemas: present, exclude });
      const to = await introspect(scratch.db, { schemas, exclude });
      const statements = diffSchemas(from, to);
      // the line each statement starts on, which the plan's steps name
      const reverses = new Map<number, readonly string[]>();
      let line = 1;
      for (const st of statements) {
        if (st.reverse) reverses.set(line, st.reverse);
        line += st.sql.split('\n').length;
      }
      const sql = statements.map((st) => `${st.sql};`).join('\n');
      return {
        sql,
        file: `${rel} (difference with the database)`,
        source: {
          label: `the difference between the database and ${path.basename(options.fromSchema)}`,
          preface: ['The difference, whose line numbers the notes below use:', ...sql.split('\n').map((l) => `  ${l}`)],
          reverses,
        },
      };
    } finally {
      await scratch.close().catch(() => undefined);
    }
  } finally {
    await admin.end().catch(() => undefined);
  }
}
