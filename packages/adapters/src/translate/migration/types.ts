/**
 * The shapes of a single-migration translation (`dbm translate migration <file> --to <form>`): the forms a
 * migration can take, what the translation warns about, and what it returns.
 */

/** A migration's form: a plain SQL file, or one of the four ORMs' own migration formats. */
export type MigrationForm = 'sql' | 'knex' | 'typeorm' | 'prisma' | 'drizzle';

/** Every form, in the order the CLI lists them. */
export const MIGRATION_FORMS: readonly MigrationForm[] = Object.freeze(['sql', 'knex', 'typeorm', 'prisma', 'drizzle']);

/**
 * What the warnings are about. `raw-sql`: the target cannot say a statement in its own terms, so it is kept as
 * raw SQL; `no-inverse`: the down migration stops with an error at that statement; `transaction-control`:
 * BEGIN/COMMIT left out because the target runs the migration in its own transaction; `outside-transaction`:
 * a statement the target's own runner cannot run as written; `drizzle-snapshot`: drizzle-kit's snapshot is
 * not updated; `down-mismatch`: the source's down cannot run in the way the target runs the migration.
 */
export type TranslateMigrationWarningCode = 'raw-sql' | 'no-inverse' | 'transaction-control' | 'outside-transaction' | 'drizzle-snapshot' | 'down-mismatch';

/** Something the target cannot express as the source did, and where it went instead. Never silent. */
export interface TranslateMigrationWarning {
  readonly code: TranslateMigrationWarningCode;
  readonly message: string;
  /** Which half of the migration it concerns, when only one. */
  readonly direction?: 'up' | 'down';
  /** The SQL statement concerned, as the target keeps it (raw) or as the source had it. */
  readonly sql?: string;
}

/** One file of the translated migration. */
export interface TranslatedMigrationFile {
  /** Absolute path. */
  readonly path: string;
  readonly text: string;
}

/** Options of a translation. */
export interface TranslateMigrationOptions {
  /** The form to write. */
  readonly to: MigrationForm;
  /**
   * The folder to write into: the target's migrations folder (knex's `migrations/`, TypeORM's, Prisma's
   * `prisma/migrations`, drizzle's `out` folder). Default: the current directory.
   */
  readonly outDir?: string;
  /** The migration's name in the target (default: the source's, without its timestamp). */
  readonly name?: string;
  /**
   * The target migration's timestamp. Default: the source's own (knex and Prisma file stamps, TypeORM's class
   * timestamp, drizzle's journal `when`), so translating a history keeps its order; else the current time.
   * A plain SQL target carries no timestamp; a drizzle entry is never dated before the journal's last one.
   */
  readonly now?: Date;
  /** Replace target files that exist already (default: refuse, writing nothing). */
  readonly force?: boolean;
  /** Compute the files and warnings without writing anything. */
  readonly dryRun?: boolean;
}

/** What a translation did. */
export interface TranslateMigrationResult {
  readonly source: { readonly form: MigrationForm; readonly path: string; readonly name: string };
  readonly target: MigrationForm;
  /** The name the target's ledger will record (knex file name, TypeORM class name, Prisma folder, drizzle tag). */
  readonly migration: string;
  /** The files written (or, with dryRun, that would be). */
  readonly files: readonly TranslatedMigrationFile[];
  readonly warnings: readonly TranslateMigrationWarning[];
  /** Where the down migration came from: the source's own, or derived from the up statements' inverses. */
  readonly downFrom: 'source' | 'derived';
  /** Whether the target runs the migration inside a transaction. */
  readonly transactional: boolean;
}
