/**
 * A drizzle project dbm cannot work with as it stands (a config or schema that does not load, a
 * missing drizzle-kit, a snapshot from an older drizzle-kit): the message names the file and the fix.
 * `userFacing` tells the CLI to print the message without a stack trace.
 */
export class DrizzleProjectError extends Error {
  readonly userFacing = true;

  constructor(
    message: string,
    /** The file at fault, when there is one. */
    readonly path?: string,
  ) {
    super(message);
    this.name = 'DrizzleProjectError';
  }
}
