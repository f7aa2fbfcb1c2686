/** The error a translation raises for input it cannot read or a target it cannot write; nothing is written. */
export class TranslateMigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TranslateMigrationError';
  }
}
