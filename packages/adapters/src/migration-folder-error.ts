/** A migrations folder that cannot be read as its ORM lays it out; the message names the path and the fix. */
export class MigrationFolderError extends Error {
  constructor(
    message: string,
    /** The file or folder at fault. */
    readonly path: string,
  ) {
    super(message);
    this.name = 'MigrationFolderError';
  }
}
