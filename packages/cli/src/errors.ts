/**
 * An error meant for the user: its message is printed as is (no stack trace) and the process exits
 * with its code. Thrown anywhere; mapped to the exit code at the top (cli.ts).
 */
export class ExitError extends Error {
  constructor(
    message: string,
    readonly code: number = EXIT.usage,
  ) {
    super(message);
    this.name = 'ExitError';
  }
}

/** dbm's exit codes, the same for every verb. */
export const EXIT = {
  /** Nothing to report. */
  ok: 0,
  /** Hazards at error severity found (lint), or a runtime failure (apply, status). */
  failure: 1,
  /** Bad usage or input that could not be read or parsed; for status: pending or drift. */
  usage: 2,
} as const;
