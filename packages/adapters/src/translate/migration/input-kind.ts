/**
 * Which form a path holds. A folder with `migration.sql`, or that file itself, is Prisma's; a `.sql` file in
 * a folder with drizzle's `meta/_journal.json`, or split by drizzle's breakpoint marker, is drizzle's; any
 * other `.sql` is plain SQL; a `.js/.ts/.cjs/.mjs/.cts/.mts` file is code, knex or TypeORM (told apart by
 * loading it: read-code.ts).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { readOptional } from '../../code/read-optional.js';
import { DRIZZLE_BREAKPOINT } from '../../drizzle/read.js';
import { PRISMA_MIGRATION_FILE } from '../../prisma/read.js';
import { TranslateMigrationError } from './errors.js';

/** Extensions of code migrations. */
export const CODE_EXTENSIONS: readonly string[] = ['.js', '.cjs', '.mjs', '.ts', '.cts', '.mts'];

/** What a path holds, before reading it. */
export type InputKind =
  | { readonly kind: 'prisma'; readonly folder: string }
  | { readonly kind: 'drizzle'; readonly file: string; readonly journal?: string }
  | { readonly kind: 'sql'; readonly file: string }
  | { readonly kind: 'code'; readonly file: string };

const isFile = async (p: string) => (await stat(p).catch(() => undefined))?.isFile() === true;

/** The kind of input at `given` (relative to the current directory). */
export async function inputKind(given: string): Promise<InputKind> {
  const full = path.resolve(given);
  const info = await stat(full).catch(() => undefined);
  if (!info) throw new TranslateMigrationError(`cannot read ${given}: no such file or folder`);
  if (info.isDirectory()) {
    if (await isFile(path.join(full, PRISMA_MIGRATION_FILE))) return { kind: 'prisma', folder: full };
    throw new TranslateMigrationError(`${given} is a folder without ${PRISMA_MIGRATION_FILE}: give one migration (a .sql file, a Prisma migration folder, or a knex/TypeORM migration file)`);
  }
  const ext = path.extname(full).toLowerCase();
  if (CODE_EXTENSIONS.includes(ext)) return { kind: 'code', file: full };
  if (ext !== '.sql') throw new TranslateMigrationError(`${given}: dbm translates .sql files, Prisma migration folders and knex/TypeORM migrations (${CODE_EXTENSIONS.join(', ')})`);
  if (full.endsWith('.down.sql')) throw new TranslateMigrationError(`${given} is a down migration: give the up migration beside it (its down is read with it)`);
  if (path.basename(full) === PRISMA_MIGRATION_FILE) return { kind: 'prisma', folder: path.dirname(full) };
  const journal = path.join(path.dirname(full), 'meta', '_journal.json');
  if (await isFile(journal)) return { kind: 'drizzle', file: full, journal };
  const text = readOptional(full) ?? '';
  return text.includes(DRIZZLE_BREAKPOINT) ? { kind: 'drizzle', file: full } : { kind: 'sql', file: full };
}
