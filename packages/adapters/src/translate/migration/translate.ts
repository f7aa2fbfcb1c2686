/**
 * `dbm translate migration <file> --to <form>`: one migration from any form (SQL file, Prisma folder, drizzle
 * file, knex or TypeORM migration) to any other, up and down. Everything goes through the statements the
 * source runs: SQL forms keep each statement's exact text, knex code says it with its schema builder where
 * that is exact and with `knex.raw` (and a warning) where it is not. Nothing is dropped silently.
 */
import path from 'node:path';
import { loadPostgresParser } from '@dbm/core';
import { writeAtomically } from './atomic-write.js';
import { TranslateMigrationError } from './errors.js';
import { inputKind } from './input-kind.js';
import { planMigration } from './plan.js';
import { readCodeSource } from './read-code.js';
import { readSqlSource } from './read-sql.js';
import { MIGRATION_FORMS, type MigrationForm, type TranslateMigrationOptions, type TranslateMigrationResult } from './types.js';
import { writeDrizzle } from './write-drizzle.js';
import { writeKnex } from './write-knex.js';
import { writePrisma } from './write-prisma.js';
import { writeSql } from './write-sql.js';
import { writeTypeOrm } from './write-typeorm.js';
import type { MigrationWriter, WriterOutput } from './writer.js';

const WRITERS: Readonly<Record<MigrationForm, MigrationWriter>> = {
  sql: writeSql,
  knex: writeKnex,
  typeorm: writeTypeOrm,
  prisma: writePrisma,
  drizzle: writeDrizzle,
};

/** Translates the migration at `input` (a file, or a Prisma migration folder) into the form `options.to`. */
export async function translateMigration(input: string, options: TranslateMigrationOptions): Promise<TranslateMigrationResult> {
  if (!MIGRATION_FORMS.includes(options.to)) {
    throw new TranslateMigrationError(`cannot translate to "${String(options.to)}": the forms are ${MIGRATION_FORMS.join(', ')}`);
  }
  await loadPostgresParser();
  const kind = await inputKind(input);
  const source = kind.kind === 'code' ? await readCodeSource(kind.file) : await readSqlSource(kind);
  const plan = planMigration(source, options.to);
  const outDir = path.resolve(options.outDir ?? '.');
  let out: WriterOutput;
  try {
    out = await WRITERS[options.to](plan, { outDir, name: options.name ?? source.name, time: options.now ?? source.time ?? new Date() });
  } catch (e) {
    // a statement the target's format cannot hold (knex cannot send "\?" through knex.raw, say)
    if (e instanceof TranslateMigrationError) throw e;
    throw new TranslateMigrationError(`cannot write ${source.label} as ${options.to}: ${(e as Error).message}; nothing was written`);
  }
  if (!options.dryRun) await writeAtomically(out.files, { ...(out.replaces ? { replaces: out.replaces } : {}), ...(options.force ? { force: true } : {}) });
  return {
    source: { form: source.form, path: source.path, name: source.name },
    target: options.to,
    migration: out.migration,
    files: out.files,
    warnings: [...plan.warnings, ...out.warnings],
    downFrom: plan.downFrom,
    transactional: plan.transactional,
  };
}
