/** One run of a command in a test, and how assertion messages show it. */

/** Exit code and output of a run. */
export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A run's exit code and output, for assertion messages. */
export const show = (r: Run): string => `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
