/**
 * Prisma's migration checksum, as its schema engine computes and compares it (prisma-engines,
 * schema-connector `checksum.rs`). The CLI reads migration.sql as UTF-8 text (a BOM is kept) and
 * the engine stores the SHA-256 of that text's UTF-8 bytes as 64 lowercase hex digits. For valid
 * UTF-8 that is the SHA-256 of the file's bytes; invalid bytes were already replaced by U+FFFD when read.
 */
import { createHash } from 'node:crypto';

/** The checksum Prisma stores in `_prisma_migrations.checksum` for a migration script. */
export function prismaChecksum(script: string): string {
  return createHash('sha256').update(script, 'utf8').digest('hex');
}

/** Prisma's obsolete rendering: each byte in hex without zero padding (prisma-engines#1887). */
function unpadded(script: string): string {
  return [...createHash('sha256').update(script, 'utf8').digest()].map((b) => b.toString(16)).join('');
}

/**
 * Whether Prisma accepts `stored` as the checksum of `script`, i.e. does not report the migration as
 * edited. Like the engine it tries the script as is, with CRLF turned into LF and with LF turned into
 * CRLF (git may change line endings on checkout), and reads a checksum that is not 64 characters long
 * in the old unpadded rendering.
 */
export function prismaChecksumMatches(script: string, stored: string): boolean {
  const render = stored !== '' && stored.length !== 64 ? unpadded : prismaChecksum;
  const variants = [script, script.replaceAll('\r\n', '\n'), script.replaceAll('\n', '\r\n')];
  return variants.some((v) => render(v) === stored);
}
