/**
 * drizzle's migration hash, as drizzle-orm's migrator computes it (`readMigrationFiles`): the .sql
 * file is read into a string (UTF-8; a BOM is kept) and hashed with SHA-256, rendered as 64 hex
 * digits. Nothing is normalised: a change of line endings is a different hash. For valid UTF-8 it
 * equals the SHA-256 of the file's bytes.
 */
import { createHash } from 'node:crypto';

/** The hash drizzle stores in `__drizzle_migrations.hash` for a migration file's text. */
export function drizzleHash(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}
