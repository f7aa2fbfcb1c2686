/** A workspace that cannot be read or used as asked; the message names the file or flag and the fix. */
export class WorkspaceError extends Error {
  /** The CLI prints the message as is (no stack trace). */
  readonly userFacing = true;

  constructor(message: string) {
    super(message);
    this.name = 'WorkspaceError';
  }
}
