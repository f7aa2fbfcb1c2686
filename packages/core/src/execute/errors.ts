/** Failures of a migration run, phrased with the migration, the step and the statement. */

/** A statement failed; the message names the migration, the step and the statement. */
export class StepFailedError extends Error {
  constructor(
    readonly migration: string,
    readonly step: number,
    readonly steps: number,
    readonly statement: string,
    readonly sqlState: string | undefined,
    readonly detail: string,
  ) {
    super(
      `migration ${migration} failed at step ${step + 1}/${steps}\n  statement: ${statement.length > 400 ? `${statement.slice(0, 400)}…` : statement}\n` +
        `  error: ${detail}${sqlState ? ` (SQLSTATE ${sqlState})` : ''}`,
    );
    this.name = 'StepFailedError';
  }
}

/** Wraps a driver error raised by `statement`. */
export function stepFailed(migration: string, step: number, steps: number, statement: string, e: unknown): StepFailedError {
  const err = e as { code?: string; message?: string; detail?: string; hint?: string };
  const detail = [err.message ?? String(e), err.detail, err.hint && `hint: ${err.hint}`].filter(Boolean).join('; ');
  return new StepFailedError(migration, step, steps, statement, err.code, detail);
}
