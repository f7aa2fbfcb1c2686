/**
 * Where a project's ledger lives: which database (from its resolved URL) and which schema.table, with
 * each ORM's defaults. Two packages with the same location share one history table.
 */
import type { Project } from '../orm-adapter.js';

/** A ledger's database and table. */
export interface LedgerLocation {
  /** The database as host:port/name (never the user or password), or `$VAR` when the URL is not set. */
  readonly database: string;
  readonly schema: string;
  readonly table: string;
}

/** Each ORM's ledger when the project does not move it. knex and TypeORM use the search path: public. */
const DEFAULTS: Record<Project['orm'], { schema: string; table: string }> = {
  prisma: { schema: 'public', table: '_prisma_migrations' },
  drizzle: { schema: 'drizzle', table: '__drizzle_migrations' },
  knex: { schema: 'public', table: 'knex_migrations' },
  typeorm: { schema: 'public', table: 'migrations' },
};

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** The ledger location of `project` when it connects with `url` (undefined: the URL is not known yet). */
export function ledgerLocation(project: Project, url: string | undefined): LedgerLocation {
  const u = url === undefined ? undefined : parse(url);
  let database: string;
  if (u) {
    // PostgreSQL's default database is the user's name
    const name = decodeURIComponent(u.pathname.replace(/^\//, '')) || decodeURIComponent(u.username) || 'postgres';
    database = `${u.hostname.toLowerCase() || 'localhost'}:${u.port || '5432'}/${name}`;
  } else database = `$${project.url.env ?? 'DATABASE_URL'}`;
  const defaults = DEFAULTS[project.orm];
  // Prisma keeps _prisma_migrations in the schema its URL names with ?schema= (it cannot rename the table)
  const urlSchema = project.orm === 'prisma' ? (u?.searchParams.get('schema') ?? undefined) : undefined;
  return {
    database,
    schema: project.ledgerSchema ?? urlSchema ?? defaults.schema,
    table: project.ledgerTable ?? defaults.table,
  };
}
