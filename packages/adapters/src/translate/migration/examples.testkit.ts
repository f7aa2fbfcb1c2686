/** The example projects' own migrations, in their ORM's order, as source cases for the fidelity suite. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OnDisk } from './orm-run.testkit.js';
import type { SourceCase } from './roundtrip.testkit.js';

const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../examples');

/** Each migration with the ones before it. */
function cases(label: string, all: OnDisk[]): SourceCase[] {
  return all.map((migration, i) => ({ label: `${label} ${path.basename(migration.path)}`, migration, prior: all.slice(0, i) }));
}

/** examples/knex-postgres/migrations, in file-name order. */
export function knexExamples(): SourceCase[] {
  const dir = path.join(EXAMPLES, 'knex-postgres/migrations');
  return cases('knex', readdirSync(dir).filter((f) => f.endsWith('.js')).sort().map((f) => ({ form: 'knex', path: path.join(dir, f) })));
}

/** examples/typeorm-postgres/src/migrations, in timestamp order. */
export function typeormExamples(): SourceCase[] {
  const dir = path.join(EXAMPLES, 'typeorm-postgres/src/migrations');
  return cases('TypeORM', readdirSync(dir).filter((f) => f.endsWith('.ts')).sort().map((f) => ({ form: 'typeorm', path: path.join(dir, f) })));
}

/** examples/prisma-postgres/prisma/migrations, in folder order. */
export function prismaExamples(): SourceCase[] {
  const dir = path.join(EXAMPLES, 'prisma-postgres/prisma/migrations');
  const folders = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return cases('Prisma', folders.map((f) => ({ form: 'prisma', path: path.join(dir, f) })));
}

/** examples/drizzle-postgres/drizzle, in journal order. */
export function drizzleExamples(): SourceCase[] {
  const dir = path.join(EXAMPLES, 'drizzle-postgres/drizzle');
  const journal = JSON.parse(readFileSync(path.join(dir, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  return cases('drizzle', journal.entries.map((e) => ({ form: 'drizzle', path: path.join(dir, `${e.tag}.sql`) })));
}
