/**
 * The exact fix that gives one package a ledger of its own, in that ORM's own configuration. Prisma
 * cannot rename `_prisma_migrations`, so a Prisma package moves to a schema of its own instead.
 */
import { relative } from 'node:path';
import type { Project } from '../orm-adapter.js';

/** A name for a package's own ledger: its unscoped name, as an identifier. */
export function ledgerSlug(packageName: string): string {
  return packageName.replace(/^@[^/]+\//, '').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').toLowerCase() || 'app';
}

/** The ledger the fix gives package `name`: schema (Prisma's, or drizzle's) and table. */
export function ownLedger(name: string, orm: Project['orm']): { schema: string; table: string } {
  const slug = ledgerSlug(name);
  switch (orm) {
    case 'prisma':
      return { schema: slug, table: '_prisma_migrations' };
    case 'drizzle':
      return { schema: 'drizzle', table: `__drizzle_migrations_${slug}` };
    case 'knex':
      return { schema: 'public', table: `knex_migrations_${slug}` };
    case 'typeorm':
      return { schema: 'public', table: `${slug}_migrations` };
  }
}

/** The configuration change that moves `project` (package `name`) to the ledger {@link ownLedger} names. */
export function ledgerFix(name: string, project: Project): string {
  const own = ownLedger(name, project.orm);
  const file = (path: string | undefined, fallback: string) => (path ? relative(project.root, path) || path : fallback);
  const move = "then copy this package's rows from the shared table into the new one before the next apply (they record what it already ran)";
  switch (project.orm) {
    case 'prisma':
      return `Prisma cannot rename _prisma_migrations: give this package a schema of its own with ?schema=${own.schema} in its database URL (Prisma keeps one _prisma_migrations per schema), ${move}`;
    case 'drizzle':
      return `in ${file(project.configPath, 'drizzle.config.ts')} set migrations: { table: '${own.table}', schema: '${own.schema}' }, ${move}`;
    case 'knex':
      return `in ${file(project.configPath, 'knexfile.js')} set migrations: { tableName: '${own.table}' } (knex keeps its lock in ${own.table}_lock), ${move}`;
    case 'typeorm':
      return `in ${file(project.schemaPath, 'the DataSource file')} set migrationsTableName: '${own.table}' in the DataSource options, ${move}`;
  }
}
