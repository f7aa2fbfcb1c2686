/** A code migration (knex, TypeORM) that failed, named, with the database's SQLSTATE kept for retries. */
import { redactText } from '@dbm/core/status';

/** Thrown by the code runners; `code` is the SQLSTATE when the database raised the error. */
export class CodeMigrationError extends Error {
  /** The SQLSTATE (e.g. 55P03 when lock_timeout fired), so the engine's retry logic sees it. */
  readonly code: string | undefined;

  constructor(
    readonly orm: string,
    readonly migration: string,
    readonly direction: 'up' | 'down' | 'render',
    cause: unknown,
    url?: string,
  ) {
    const err = cause as { message?: unknown; code?: unknown; detail?: unknown; hint?: unknown };
    const text = [String(err?.message ?? cause), err?.detail, err?.hint && `hint: ${String(err.hint)}`].filter(Boolean).join('; ');
    const code = typeof err?.code === 'string' && /^[0-9A-Z]{5}$/.test(err.code) ? err.code : undefined;
    const message = `${orm} migration ${migration} failed (${direction}): ${text}${code ? ` (SQLSTATE ${code})` : ''}`;
    super(url ? redactText(message, url) : message, { cause });
    this.name = 'CodeMigrationError';
    this.code = code;
  }
}
