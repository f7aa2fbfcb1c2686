/**
 * `dbm generate <name>` for TypeORM: TypeORM's own migration:generate (entities vs. the database), then
 * dbm's safety pass over the SQL of its `up`, written back as TypeORM migration classes: one per safe step,
 * in TypeORM's naming. Every failure happens before anything is written in the project.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { GenerateOptions, GenerateResult, Project } from '../orm-adapter.js';
import { moduleFormat } from '../code/module-format.js';
import { classSpecs } from './class-specs.js';
import { findDataSourceFile } from './detect.js';
import { TypeOrmGenerateError } from './generate-error.js';
import { writeFolder } from './migrations-location.js';
import { refusePending } from './pending-check.js';
import { safetyPass } from './safety-pass.js';
import { typeormGenerate } from './typeorm-generate.js';
import { writeClass, type ClassFile, type ClassFormat } from './write.js';
import { writeClassFiles } from './write-files.js';

/** The format of the classes already in the folder: TypeScript unless the folder holds only JavaScript. */
async function formatOf(folder: string): Promise<ClassFormat> {
  const files = await readdir(folder).catch(() => [] as string[]);
  if (files.some((f) => /\.[cm]?ts$/.test(f) && !f.endsWith('.d.ts')) || !files.some((f) => f.endsWith('.js'))) return 'ts';
  return (await moduleFormat(path.join(folder, 'x.js'))) === 'module' ? 'js-esm' : 'js-cjs';
}

/** The first class holding a step that came from SQL line `line` (else the first class). */
function classAt(line: number, lines: readonly (readonly number[])[], files: readonly ClassFile[]): ClassFile {
  const i = lines.findIndex((l) => l.includes(line));
  return files[i < 0 ? 0 : i]!;
}

/** Generates the next TypeORM migration of `project`. */
export async function generateTypeOrm(project: Project, options: GenerateOptions): Promise<GenerateResult> {
  const dataSource = project.schemaPath ?? findDataSourceFile(project.root);
  if (!dataSource) throw new TypeOrmGenerateError(`no TypeORM DataSource file in ${project.root}: TypeORM's migration:generate needs one (-d); add src/data-source.ts`);
  const env = project.url.env ?? 'DATABASE_URL';
  if (!options.url) {
    throw new TypeOrmGenerateError(`no database URL: TypeORM's migration:generate compares the entities with the database; set ${env} or pass --url postgres://user:password@host:5432/db`);
  }
  if (project.dialect === 'postgresql') await refusePending(project, options.url);
  const timestamp = (options.now ?? new Date()).getTime();
  const generated = await typeormGenerate({ root: project.root, dataSource, name: options.name, timestamp, url: options.url, urlEnv: env });
  const empty: GenerateResult = { files: [], migrations: [], changes: [], notes: [] };
  if (!generated) return empty;
  const folder = writeFolder(project.migrationsDir);
  const baseName = generated.found.name.slice(0, -String(timestamp).length);
  if (project.dialect !== 'postgresql') {
    const [file] = await writeClassFiles(folder, [{ name: generated.found.name, fileName: `${timestamp}-${options.name}.ts`, text: generated.text, upLine: 1 }]);
    return {
      files: [file!],
      migrations: [generated.found.name],
      changes: [],
      notes: [{ migration: generated.found.name, line: 1, severity: 'warning', message: `written as TypeORM generated it: dbm's safety pass covers PostgreSQL only (this project is ${project.dialect})`, plan: [] }],
    };
  }
  const pass = await safetyPass(generated.up, generated.down, { ...(options.pgVersion ? { pgVersion: options.pgVersion } : {}) });
  const format = await formatOf(folder);
  const files = classSpecs(pass.classes, pass.notes, { baseName, fileBase: options.name, timestamp }).map((s) => writeClass(s, format));
  const lines = pass.classes.map((c) => c.lines);
  // the planner's changes point at SQL lines; the split into classes belongs to each class itself
  const planned = pass.changes.map((c) => ({ file: c.step !== undefined ? files[c.step]! : classAt(c.line, lines, files), what: c.what }));
  const split = pass.classes.slice(1).map((c, i) => ({
    file: files[i + 1]!,
    what: `${files[i + 1]!.name} is a class of its own (${c.transactional ? 'its own transaction' : 'transaction = false'}): ${c.comment}`,
  }));
  const order = (f: ClassFile) => files.indexOf(f);
  const changes = [...planned, ...split].sort((a, b) => order(a.file) - order(b.file));
  const written = await writeClassFiles(folder, files);
  return {
    files: written,
    migrations: files.map((f) => f.name),
    changes: changes.map((c) => ({ migration: c.file.name, line: c.file.upLine, what: c.what })),
    notes: pass.notes.map((n) => {
      const f = classAt(n.line, lines, files);
      return { migration: f.name, line: f.upLine, severity: n.severity, message: n.message, plan: n.plan };
    }),
  };
}
