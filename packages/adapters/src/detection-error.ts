/**
 * The error of detection: no ORM, or more than one, where one was expected; a config that cannot be read.
 * A module of its own: the adapters' detectors throw it, and the registry that runs them imports them.
 */
import type { Evidence } from './orm-adapter.js';

/** No ORM, or more than one, where one was expected. Its message names the fix. */
export class DetectionError extends Error {
  constructor(
    message: string,
    readonly found: readonly Evidence[],
  ) {
    super(message);
    this.name = 'DetectionError';
  }
}
