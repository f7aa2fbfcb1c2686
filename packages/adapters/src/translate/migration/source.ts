/** A migration as read from its source form, before it is parsed: SQL text for each direction. */
import type { MigrationForm } from './types.js';

/** One migration read from disk, in any form. */
export interface SourceMigration {
  readonly form: MigrationForm;
  /** The file (or Prisma folder) it was read from, absolute. */
  readonly path: string;
  /** Its name without the form's stamp, e.g. `create_users`, `CreateUsers`. */
  readonly name: string;
  /** The time its stamp says, when it has one. */
  readonly time?: Date;
  /** The SQL of `up`: a file's text, or each query a code migration sends. */
  readonly up: readonly string[];
  /** The source's own down (knex/TypeORM `down`, Prisma `down.sql`, drizzle `.down.sql`, a `.down.sql` beside a file). */
  readonly down?: readonly string[];
  /** False when the source says it runs outside a transaction (knex `config.transaction`, TypeORM `transaction`). */
  readonly transactional?: boolean;
  /** How to name it in the translated file's header, e.g. "knex migration 20250101090000_create_users.js". */
  readonly label: string;
}
