/**
 * The SQL forms read as migrations: a Prisma folder (`migration.sql`, dbm's `down.sql`), a drizzle
 * `<tag>.sql` (dbm's `<tag>.down.sql`, the journal's `when` as its time) and a plain `.sql` file (a
 * `<name>.down.sql` beside it as its down).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readOptional } from '../../code/read-optional.js';
import { PRISMA_DOWN_FILE, PRISMA_MIGRATION_FILE } from '../../prisma/read.js';
import { readJournal } from '../../drizzle/write.js';
import type { InputKind } from './input-kind.js';
import { splitStamped } from './names.js';
import type { SourceMigration } from './source.js';

const optional = (text: string | undefined) => (text === undefined ? {} : { down: [text] });

async function prisma(folder: string): Promise<SourceMigration> {
  const sql = await readFile(path.join(folder, PRISMA_MIGRATION_FILE), 'utf8');
  const down = readOptional(path.join(folder, PRISMA_DOWN_FILE));
  const base = path.basename(folder);
  const { name, time } = splitStamped(base);
  return { form: 'prisma', path: folder, name, ...(time ? { time } : {}), up: [sql], ...optional(down), label: `Prisma migration ${base}` };
}

async function drizzle(file: string, journalPath?: string): Promise<SourceMigration> {
  const tag = path.basename(file, '.sql');
  const sql = await readFile(file, 'utf8');
  const down = readOptional(path.join(path.dirname(file), `${tag}.down.sql`));
  const split = splitStamped(tag);
  // drizzle's journal says when the migration was generated (drizzle stores it as created_at)
  const entry = journalPath ? (await readJournal(path.dirname(file))).entries.find((e) => e.tag === tag) : undefined;
  const time = entry ? new Date(entry.when) : split.time;
  return { form: 'drizzle', path: file, name: split.name, ...(time ? { time } : {}), up: [sql], ...optional(down), label: `drizzle migration ${tag}` };
}

async function plain(file: string): Promise<SourceMigration> {
  const base = path.basename(file, '.sql');
  const sql = await readFile(file, 'utf8');
  const down = readOptional(path.join(path.dirname(file), `${base}.down.sql`));
  const { name, time } = splitStamped(base);
  return { form: 'sql', path: file, name, ...(time ? { time } : {}), up: [sql], ...optional(down), label: `${base}.sql` };
}

/** Reads a SQL-form input. */
export function readSqlSource(input: Exclude<InputKind, { kind: 'code' }>): Promise<SourceMigration> {
  switch (input.kind) {
    case 'prisma':
      return prisma(input.folder);
    case 'drizzle':
      return drizzle(input.file, input.journal);
    case 'sql':
      return plain(input.file);
  }
}
