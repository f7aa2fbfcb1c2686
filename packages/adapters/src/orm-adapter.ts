/**
 * The one interface every ORM adapter implements: find the ORM in a package, describe the project, and
 * open its migrations and ledger. Generating a migration in the ORM's own form is each ORM's generator
 * (generators.ts), kept apart so the verbs that only read load none of it.
 */
import type { MigrationSet, OrmName } from './open.js';

/** The SQL dialect a project targets. */
export type Dialect = 'postgresql' | 'mysql' | 'sqlite';

/** What an adapter found in a package directory, before it is chosen. */
export interface Evidence {
  readonly orm: OrmName;
  /** Human-readable reasons, e.g. "package.json depends on prisma", "prisma/schema.prisma". */
  readonly reasons: readonly string[];
}

/** A detected project: everything the verbs need to know about one ORM in one package. */
export interface Project {
  readonly orm: OrmName;
  readonly dialect: Dialect;
  /** The package directory (where package.json is). */
  readonly root: string;
  /** The migrations folder, absolute. */
  readonly migrationsDir: string;
  /** schema.prisma, drizzle schema file(s), the TypeORM DataSource file, the knexfile: absolute. */
  readonly schemaPath?: string;
  readonly configPath?: string;
  /** Where the database URL comes from: an environment variable name and/or a literal from config. */
  readonly url: { readonly env?: string; readonly value?: string };
  /** The ledger table and schema, when the project configures them. */
  readonly ledgerTable?: string;
  readonly ledgerSchema?: string;
  readonly evidence: readonly string[];
  /**
   * ORM-specific settings read from the config when the project was described (knex's migrations block),
   * plain JSON, so opening the migrations needs no second load of the config.
   */
  readonly settings?: Readonly<Record<string, unknown>>;
}

/** Options of a generator (generators.ts). */
export interface GenerateOptions {
  /** The migration's name (slug), e.g. "add_orders_status". */
  readonly name: string;
  /** The database URL, for ORMs that diff against the database (TypeORM) or need a shadow. */
  readonly url?: string;
  /** knex: a SQL file to turn into a knex migration. */
  readonly fromSql?: string;
  /** knex: a target schema (SQL file) to diff the database against. */
  readonly fromSchema?: string;
  /** Fixed timestamp for file names (tests); default now. */
  readonly now?: Date;
  readonly pgVersion?: number;
}

/** What generate wrote and what the safety pass changed. */
export interface GenerateResult {
  /** Files written, absolute. Empty when there was nothing to generate. */
  readonly files: readonly string[];
  /** The migration names created (more than one when a non-transactional statement got its own). */
  readonly migrations: readonly string[];
  /** What the safety pass changed, and why. */
  readonly changes: readonly { readonly migration: string; readonly line: number; readonly what: string }[];
  /** Hazards with no automatic safe form, with the expand/contract plan. */
  readonly notes: readonly { readonly migration: string; readonly line: number; readonly severity: 'error' | 'warning'; readonly message: string; readonly plan: readonly string[] }[];
}

/** One ORM behind the common interface. */
export interface OrmAdapter {
  readonly orm: OrmName;
  /** Looks for this ORM in a package directory; undefined when there is no sign of it. */
  detect(root: string): Promise<Evidence | undefined>;
  /** Describes the project (paths, dialect, URL source) once this ORM is chosen for `root`. */
  project(root: string, evidence: Evidence): Promise<Project>;
  /** The migrations on disk and the ORM's ledger. */
  open(project: Project): Promise<MigrationSet>;
}
