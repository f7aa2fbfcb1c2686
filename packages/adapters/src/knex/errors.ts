/** An error in what the user gave `dbm generate` for knex (bad SQL, a missing file, no URL): printed as is. */
export class KnexGenerateError extends Error {
  /** Tells the CLI to print the message without a stack trace. */
  readonly userFacing = true;

  constructor(message: string) {
    super(message);
    this.name = 'KnexGenerateError';
  }
}
