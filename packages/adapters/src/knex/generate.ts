/**
 * `dbm generate` for knex, which has no generator of its own: SQL (from --from-sql, or the difference
 * between the database and a target schema, --from-schema) goes through dbm's safety pass and comes out
 * as knex migrations in the project's own form; without either, the empty stub `knex migrate:make` writes.
 * Everything is checked and composed before the first file is written: bad input writes nothing.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadPostgresParser, parsePostgres, planFix, SqlParseError, type ParsedFile, type Plan } from '@dbm/core';
import type { GenerateOptions, GenerateResult, Project } from '../orm-adapter.js';
import { KnexGenerateError } from './errors.js';
import { newMigrationNames } from './file-name.js';
import { loadKnexfile } from './knexfile.js';
import { planFiles, type PlanSource } from './plan-files.js';
import { knexSettings } from './settings.js';
import { migrationStyle } from './style.js';
import { stubFile } from './write.js';

/** The SQL to turn into migrations, and how the files should name where it came from. */
interface Input {
  readonly sql: string;
  readonly file: string;
  readonly source: PlanSource;
}

async function readSql(file: string, shown: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw new KnexGenerateError(`cannot read ${shown}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}

async function input(project: Project, options: GenerateOptions): Promise<Input | undefined> {
  if (options.fromSql && options.fromSchema) throw new KnexGenerateError('give either --from-sql or --from-schema, not both');
  if (options.fromSql) {
    const rel = path.relative(process.cwd(), options.fromSql) || options.fromSql;
    return { sql: await readSql(options.fromSql, rel), file: rel, source: { label: path.basename(options.fromSql) } };
  }
  if (options.fromSchema) {
    const { schemaDiffSql } = await import('./schema/from-schema.js');
    return schemaDiffSql(project, { ...options, fromSchema: options.fromSchema });
  }
  return undefined;
}

function parse(sql: string, file: string): ParsedFile {
  try {
    return parsePostgres(sql, file);
  } catch (e) {
    if (e instanceof SqlParseError) throw new KnexGenerateError(`${e.format()}; nothing was written`);
    throw e;
  }
}

/** The settings of the project's knexfile that decide file names and format. */
async function fileSettings(project: Project): Promise<{ extension?: string; loadExtensions?: readonly string[] }> {
  if (!project.configPath) return {};
  return knexSettings((await loadKnexfile(project.configPath)).config, project.configPath);
}

/** Writes the files; on a failure halfway removes the ones already written, so nothing is left half done. */
async function writeAll(dir: string, files: readonly { name: string; text: string }[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  try {
    for (const f of files) {
      const target = path.join(dir, f.name);
      await writeFile(target, f.text, { flag: 'wx' });
      written.push(target);
    }
  } catch (e) {
    await Promise.all(written.map((w) => rm(w, { force: true })));
    throw e;
  }
  return written;
}

/** What the safety pass changed and noted, attributed to the file of the step each came from. */
function report(plan: Plan, names: readonly string[]): Pick<GenerateResult, 'changes' | 'notes'> {
  const fileOf = (line: number) => names[Math.max(0, plan.steps.findIndex((s) => s.lines.includes(line)))] ?? names[0]!;
  const changes = plan.changes.map((c) => ({
    migration: fileOf(c.line),
    line: c.line,
    // knex files outside a transaction set no session timeouts (see plan-files.ts)
    what: c.what.replace(/^every step sets lock_timeout = (\S+) first/, 'every migration run in a transaction sets lock_timeout = $1 first'),
  }));
  plan.steps.forEach((s, i) => {
    if (!s.transactional) changes.push({ migration: names[i]!, line: s.lines[0] ?? 1, what: 'runs outside a transaction (config = { transaction: false }), in a file of its own' });
  });
  if (names.length > 1) {
    changes.push({
      migration: names[0]!,
      line: 1,
      what: `split into ${names.length} migrations, one per step, so each commits on its own and a failure resumes at the step that failed`,
    });
  }
  const notes = plan.notes.map((n) => ({ migration: fileOf(n.line), line: n.line, severity: n.severity, message: n.message, plan: n.plan }));
  const order = (c: { migration: string; line: number }) => names.indexOf(c.migration) * 1e9 + c.line;
  return { changes: changes.sort((a, b) => order(a) - order(b)), notes };
}

/** Generates the next knex migration(s) for a project. */
export async function generateKnex(project: Project, options: GenerateOptions): Promise<GenerateResult> {
  if (project.dialect !== 'postgresql') throw new KnexGenerateError(`dbm generate for knex supports PostgreSQL only so far (this project uses ${project.dialect})`);
  const dir = project.migrationsDir;
  const settings = await fileSettings(project);
  const { ext, style } = await migrationStyle(dir, settings.extension, settings.loadExtensions);
  await loadPostgresParser();
  const given = await input(project, options);
  if (!given) {
    const [name] = await newMigrationNames(dir, options.name, ext, 1, options.now);
    const files = await writeAll(dir, [{ name: name!, text: stubFile(style) }]);
    return { files, migrations: [name!], changes: [], notes: [] };
  }
  const plan = planFix(parse(given.sql, given.file), { ...(options.pgVersion ? { pgVersion: options.pgVersion } : {}) });
  if (plan.steps.length === 0) return { files: [], migrations: [], changes: [], notes: [] };
  const texts = planFiles(plan, style, given.source);
  const names = await newMigrationNames(dir, options.name, ext, texts.length, options.now);
  const files = await writeAll(dir, names.map((name, i) => ({ name, text: texts[i]! })));
  return { files, migrations: names, ...report(plan, names) };
}
