/** A configuration that cannot be used; the message names the file, the key, what was expected and a valid example. */
export class ConfigError extends Error {
  /** The CLI prints the message as is (no stack trace) and exits with the usage code. */
  readonly userFacing = true;

  constructor(
    message: string,
    /** The config file at fault (package.json for its `"dbm"` key). */
    readonly file: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}
