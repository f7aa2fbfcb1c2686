/** A `dbm generate` failure the user can act on (printed as is, exit 1); nothing was written. */
export class TypeOrmGenerateError extends Error {
  /** Tells the CLI to print the message without a stack trace. */
  readonly userFacing = true;

  constructor(message: string) {
    super(message);
    this.name = 'TypeOrmGenerateError';
  }
}
