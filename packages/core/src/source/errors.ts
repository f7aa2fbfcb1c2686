/** SQL that the dialect's parser rejects, with the position to show the user. */
export class SqlParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    readonly file?: string,
  ) {
    super(message);
    this.name = 'SqlParseError';
  }

  /** `file:line:col: message`, the form editors and CI annotate. */
  format(): string {
    return `${this.file ?? '<sql>'}:${this.line}:${this.column}: syntax error: ${this.message}`;
  }
}
