/**
 * The contract between the executor and each ORM's own history table. dbm never keeps a ledger of its
 * own beside the ORM's: it reads and writes the ORM's table exactly as that ORM would, so the ORM's own
 * tools agree with dbm and a team can stop using dbm at any time.
 */
import type pg from 'pg';

/** One migration as found on disk, in the ORM's own format. */
export interface MigrationSource {
  /** The name the ORM's ledger records (Prisma folder name, drizzle tag, knex file name, TypeORM class name). */
  readonly name: string;
  /** The ORM's checksum of the file as written (sha256 hex for Prisma and drizzle); '' when the ORM keeps none. */
  readonly checksum: string;
  /** Sort key in the ORM's order (timestamp, journal index). */
  readonly order: number;
  /** SQL text, for ORMs whose migrations are SQL files (Prisma, drizzle). */
  readonly sql?: string;
  /** Reviewed down migration written beside it (e.g. down.sql), if any. */
  readonly downSql?: string;
  /** For ORMs whose migrations are code (knex, TypeORM): runs them through the ORM itself. */
  readonly runner?: CodeRunner;
  /** Where it lives, for messages. */
  readonly path: string;
  /** ORM-specific facts the ledger needs (drizzle's journal `when`, TypeORM's timestamp). */
  readonly meta?: Readonly<Record<string, unknown>>;
}

/** What a code runner gets: the connection details and the safety settings to apply. */
export interface CodeRunContext {
  readonly url: string;
  /** lock_timeout to set on the ORM's connection before the migration runs, e.g. '2s'. */
  readonly lockTimeout: string;
  readonly statementTimeout?: string;
  /** knex's batch number for this run (the same for every migration of one apply). */
  readonly batch: number;
}

/**
 * Runs a code migration through its ORM, recording it in the ORM's ledger in the same transaction
 * as the ORM does (or outside one when the migration opts out of transactions).
 */
export interface CodeRunner {
  up(ctx: CodeRunContext): Promise<void>;
  down(ctx: CodeRunContext): Promise<void>;
  /** The SQL the migration would run, when it can be rendered without running it (for lint and dry runs). */
  render?(direction: 'up' | 'down'): Promise<string[] | undefined>;
  /** Whether the ORM runs the migration inside a transaction (for dry runs); assumed when absent. */
  transactional?(): Promise<boolean>;
}

/** A row of an ORM's ledger, normalised. */
export interface LedgerRow {
  readonly name: string;
  /** The checksum the ORM stored, if it stores one. */
  readonly checksum?: string;
  readonly startedAt?: Date;
  /** Absent or null when the migration started but did not finish (Prisma records that). */
  readonly finishedAt?: Date | null;
  readonly rolledBackAt?: Date | null;
  /** The failure log the ORM stored. */
  readonly logs?: string | null;
  readonly batch?: number;
}

/** An ORM's ledger: read and written exactly as the ORM does. */
export interface Ledger {
  /** 'prisma' | 'drizzle' | 'knex' | 'typeorm'. */
  readonly orm: string;
  /** The qualified table name, for messages and for the collision check. */
  readonly table: string;
  /** Whether the ledger table exists (read-only). */
  exists(client: pg.ClientBase): Promise<boolean>;
  /** Creates the ledger table (and schema) as the ORM would, if missing. */
  ensure(client: pg.ClientBase): Promise<void>;
  /** The rows, oldest first. Read-only: an absent table reads as no rows. */
  read(client: pg.ClientBase): Promise<LedgerRow[]>;
  /** Records that a SQL migration starts (Prisma writes its row here; others may do nothing). */
  start(client: pg.ClientBase, m: MigrationSource): Promise<void>;
  /** Records that a SQL migration finished. */
  finish(client: pg.ClientBase, m: MigrationSource, info: { appliedSteps: number }): Promise<void>;
  /** Records a failure the way the ORM would (Prisma: logs, finished_at null); may do nothing. */
  fail(client: pg.ClientBase, m: MigrationSource, log: string): Promise<void>;
  /** Removes the record after a rollback, so the ORM sees the migration as pending again. */
  remove(client: pg.ClientBase, m: MigrationSource): Promise<void>;
  /** knex only: the next batch number. */
  nextBatch?(client: pg.ClientBase): Promise<number>;
}
