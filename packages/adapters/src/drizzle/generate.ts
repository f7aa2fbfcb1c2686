/**
 * `dbm generate` for drizzle: drizzle-kit's own generator, in process (`drizzle-kit/api`: the schema
 * module's exports → a snapshot, diffed against the last snapshot in `meta/`), without its prompts,
 * then dbm's safety pass, written back as drizzle-kit writes a migration (plus a down file).
 * Nothing is written until everything has been computed.
 */
import { basename, join } from 'node:path';
import { loadPostgresParser, SqlParseError } from '@dbm/core';
import type { GenerateOptions, GenerateResult, Project } from '../orm-adapter.js';
import { findDrizzleConfig } from './config-file.js';
import { loadDrizzleConfig } from './config.js';
import { drizzleDiff } from './diff.js';
import { DrizzleProjectError } from './errors.js';
import { loadDrizzleKitApi } from './kit-api.js';
import { drizzleGenerateReport } from './report.js';
import { safeDrizzleMigration } from './safe-sql.js';
import { countDrizzleEntities, importDrizzleSchema } from './schema-module.js';
import { drizzleSchemaFiles } from './schema-files.js';
import { previousSnapshot, snapshotFileText } from './snapshot.js';
import { drizzleTag, readJournal, writeDrizzleMigration, type DrizzlePrefix } from './write.js';

const PREFIXES: readonly string[] = ['index', 'timestamp', 'supabase', 'unix', 'none'];

/** The down file: the plan's reverses, newest first, for a person to review. */
function downText(tag: string, statements: readonly string[]): string {
  const head = `-- dbm: down migration of ${tag}, from the reverse of each safe step (review it; drizzle-kit ignores this file)\n`;
  return head + statements.map((s) => `${s};\n`).join('');
}

/** Generates the next drizzle migration of `project`; no files when the schema and the snapshots agree. */
export async function generateDrizzle(project: Project, options: GenerateOptions): Promise<GenerateResult> {
  if (project.dialect !== 'postgresql') throw new DrizzleProjectError(`dbm generate writes PostgreSQL migrations only; this drizzle project is ${project.dialect}`);
  const configPath = project.configPath ?? findDrizzleConfig(project.root);
  if (!configPath) throw new DrizzleProjectError(`no drizzle.config.* in ${project.root}: dbm generate reads the schema path from it, as drizzle-kit does`);
  const { config } = await loadDrizzleConfig(configPath);
  const prefix = config.migrations?.prefix ?? 'index';
  if (!PREFIXES.includes(prefix)) throw new DrizzleProjectError(`${basename(configPath)}: migrations.prefix "${prefix}" is not one of ${PREFIXES.join(', ')}`, configPath);
  const files = await drizzleSchemaFiles(project.root, config.schema, basename(configPath));
  const dir = project.migrationsDir;
  const journal = await readJournal(dir);
  const { snapshot: prev } = await previousSnapshot(dir);

  const exports = await importDrizzleSchema(files);
  if (countDrizzleEntities(exports) === 0) {
    throw new DrizzleProjectError(`${files.join(', ')} export no drizzle tables: export them (export const users = pgTable(...)); dbm will not generate a migration that drops every table`);
  }
  const api = await loadDrizzleKitApi(project.root);
  const cur = api.generateDrizzleJson(exports, prev.id, undefined, config.casing);
  const { statements, questions } = await drizzleDiff(api, prev, cur);
  if (!statements.length) return { files: [], migrations: [], changes: [], notes: [] };

  const now = options.now ?? new Date();
  const last = journal.entries[journal.entries.length - 1];
  const idx = last ? last.idx + 1 : 0;
  const { prefix: filePrefix, tag } = drizzleTag(idx, prefix as DrizzlePrefix, options.name, now);
  const breakpoints = config.breakpoints ?? true;
  await loadPostgresParser();
  let safe;
  try {
    safe = safeDrizzleMigration(statements, { breakpoints, file: join(dir, `${tag}.sql`), ...(options.pgVersion ? { pgVersion: options.pgVersion } : {}) });
  } catch (e) {
    if (e instanceof SqlParseError) throw new DrizzleProjectError(`drizzle-kit generated SQL dbm cannot parse (${e.message}); nothing was written — please report it`);
    throw e;
  }
  // drizzle's migrator runs a migration only when its `when` is later than the last one applied
  const when = Math.max(now.getTime(), (last?.when ?? 0) + 1);
  const written = await writeDrizzleMigration({
    dir,
    journal,
    entry: { idx, version: cur.version, when, tag, breakpoints },
    prefix: filePrefix,
    sql: safe.sql,
    snapshot: snapshotFileText(cur),
    ...(safe.down ? { down: downText(tag, safe.down) } : {}),
  });
  return { files: written, migrations: [tag], ...drizzleGenerateReport(tag, safe, questions) };
}
