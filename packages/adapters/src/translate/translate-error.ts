/** A translation refused or impossible, with a message that names the fix (user-facing: no stack trace). */
export class TranslateError extends Error {
  override readonly name = 'TranslateError';
  readonly userFacing = true;
}
