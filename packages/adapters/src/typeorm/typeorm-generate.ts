/**
 * TypeORM's own generator, run so that it writes nothing in the project: `typeorm migration:generate
 * <tmp>/<name> -d <DataSource> -t <timestamp>` under tsx against the database, into a temporary folder.
 * The class it wrote is loaded from there and its `up` and `down` rendered to SQL with the recording
 * QueryRunner (typeorm/render.ts).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { redactText } from '@dbm/core';
import { loadMigrationClasses, type FoundClass } from './classes.js';
import { TypeOrmGenerateError } from './generate-error.js';
import { renderTypeOrmMigration } from './render.js';
import { runTypeOrmCli } from './typeorm-cli.js';

/** What TypeORM generated: its class and the SQL of both directions; undefined when there were no changes. */
export interface TypeOrmGenerated {
  readonly found: FoundClass;
  /** The file TypeORM wrote (in a temporary folder), as TypeORM wrote it. */
  readonly text: string;
  readonly up: string[];
  readonly down: string[];
}

/** Options of {@link typeormGenerate}. */
export interface TypeOrmGenerateOptions {
  readonly root: string;
  readonly dataSource: string;
  readonly name: string;
  readonly timestamp: number;
  readonly url: string;
  /** The environment variable the DataSource reads the URL from. */
  readonly urlEnv: string;
}

const NO_CHANGES = /No changes in database schema were found/;

// the end of TypeORM's output: the error it printed, without the noise of a long log
function tail(text: string): string {
  const lines = text.trim().split('\n').filter((l) => l.trim());
  return lines.slice(-25).join('\n');
}

/** Runs TypeORM's generator and reads back what it generated. */
export async function typeormGenerate(o: TypeOrmGenerateOptions): Promise<TypeOrmGenerated | undefined> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'dbm-typeorm-generate-'));
  try {
    // the class TypeORM writes uses `export`: an ES module wherever the project is
    await writeFile(path.join(tmp, 'package.json'), '{ "type": "module" }\n');
    const run = await runTypeOrmCli(['migration:generate', path.join(tmp, o.name), '-d', o.dataSource, '-t', String(o.timestamp)], {
      root: o.root,
      env: { [o.urlEnv]: o.url },
    });
    if (run.code !== 0) {
      if (NO_CHANGES.test(run.stdout)) return undefined;
      const output = redactText(tail(`${run.stdout}\n${run.stderr}`), o.url);
      throw new TypeOrmGenerateError(`TypeORM's migration:generate failed (exit ${run.code}); nothing was written:\n${output}`);
    }
    const file = path.join(tmp, `${o.timestamp}-${o.name}.ts`);
    const [found] = await loadMigrationClasses(file).catch((e: unknown) => {
      throw new TypeOrmGenerateError(`cannot load the migration TypeORM generated (${file}): ${(e as Error).message}`);
    });
    if (!found) throw new TypeOrmGenerateError(`TypeORM's migration:generate wrote no migration class (${run.stdout.trim()})`);
    const up = await renderTypeOrmMigration(found, 'up');
    const down = await renderTypeOrmMigration(found, 'down');
    if (!up || !down) throw new TypeOrmGenerateError(`the migration TypeORM generated uses more of the QueryRunner than query(): dbm cannot read its SQL (${file})`);
    return { found, text: await readFile(file, 'utf8'), up, down };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
