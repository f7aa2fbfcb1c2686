/**
 * A code migration read as SQL: knex's (a module exporting `up` and `down` functions) or TypeORM's (a module
 * exporting one migration class), told apart by loading it as the ORM would. Each direction is rendered as
 * the runners render it for dry runs: the queries it would send, recorded without a database.
 */
import path from 'node:path';
import { importMigrationFile } from '../../code/load-module.js';
import { knexRunner } from '../../knex/runner.js';
import { loadMigrationClasses } from '../../typeorm/classes.js';
import { typeormRunner } from '../../typeorm/runner.js';
import type { CodeRunner } from '@dbm/core';
import { TranslateMigrationError } from './errors.js';
import { splitStamped } from './names.js';
import type { SourceMigration } from './source.js';

async function render(runner: CodeRunner, direction: 'up' | 'down', label: string): Promise<string[]> {
  const sql = await runner.render!(direction);
  if (sql === undefined) {
    throw new TranslateMigrationError(
      `cannot translate ${label}: its ${direction} needs a database to know its SQL (it reads data, or uses more of the ` +
        'query runner than its query method). Translate the SQL it runs instead (dbm apply --dry-run shows it), or rewrite it with fixed statements',
    );
  }
  return sql;
}

async function load(file: string): Promise<Record<string, unknown>> {
  try {
    return await importMigrationFile(file);
  } catch (e) {
    throw new TranslateMigrationError(`cannot load ${file}: ${(e as Error).message}`);
  }
}

async function knex(file: string): Promise<SourceMigration> {
  const base = path.basename(file);
  const runner = knexRunner(file, base);
  const label = `knex migration ${base}`;
  const { name, time } = splitStamped(base.slice(0, -path.extname(base).length));
  return {
    form: 'knex',
    path: file,
    name,
    ...(time ? { time } : {}),
    up: await render(runner, 'up', label),
    down: await render(runner, 'down', label),
    transactional: await runner.transactional!(),
    label,
  };
}

async function typeorm(file: string): Promise<SourceMigration> {
  const classes = await loadMigrationClasses(file);
  if (classes.length !== 1) {
    throw new TranslateMigrationError(
      classes.length === 0
        ? `${file} is neither a knex migration (exports up and down functions) nor a TypeORM one (exports a migration class)`
        : `${file} exports ${classes.length} TypeORM migration classes (${classes.map((c) => c.name).join(', ')}): dbm translates one migration at a time; put each class in a file of its own`,
    );
  }
  const found = classes[0]!;
  const runner = typeormRunner(file, found.name);
  const label = `TypeORM migration ${found.name}`;
  const stamp = String(found.timestamp);
  const name = found.name.endsWith(stamp) ? found.name.slice(0, -stamp.length) : found.name;
  return {
    form: 'typeorm',
    path: file,
    name: name || found.name,
    time: new Date(found.timestamp),
    up: await render(runner, 'up', label),
    down: await render(runner, 'down', label),
    transactional: await runner.transactional!(),
    label,
  };
}

/** Reads a knex or TypeORM migration file. */
export async function readCodeSource(file: string): Promise<SourceMigration> {
  const mod = await load(file);
  if (typeof mod.up === 'function' && typeof mod.down === 'function') return knex(file);
  if (typeof mod.up === 'function' || typeof mod.down === 'function') {
    throw new TranslateMigrationError(`${file} exports ${typeof mod.up === 'function' ? 'up' : 'down'} but not ${typeof mod.up === 'function' ? 'down' : 'up'}: a knex migration needs both`);
  }
  try {
    return await typeorm(file);
  } catch (e) {
    if (e instanceof TranslateMigrationError) throw e;
    throw new TranslateMigrationError(`cannot read ${file} as a TypeORM migration: ${(e as Error).message}`);
  }
}
