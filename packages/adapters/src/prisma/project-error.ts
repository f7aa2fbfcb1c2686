/**
 * A Prisma project dbm cannot use as it stands: a schema that does not validate, a config file that
 * does not load, a provider dbm does not drive. It is a {@link DetectionError} (the project cannot be
 * described), so every verb reports it as a usage error with its message, and nothing is written.
 */
import { DetectionError } from '../detection-error.js';

/** A Prisma project that cannot be described or generated from; the message names the file and the fix. */
export class PrismaProjectError extends DetectionError {
  /** The CLI prints user-facing errors without a stack trace. */
  readonly userFacing = true;

  constructor(
    message: string,
    /** The file at fault (schema, config, migration), absolute, when there is one. */
    readonly path?: string,
  ) {
    super(message, []);
    this.name = 'PrismaProjectError';
  }
}
