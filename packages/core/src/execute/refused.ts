/** dbm refused to start: nothing ran. Each reason names the migration and what to do. */
export class RefusedError extends Error {
  constructor(
    readonly headline: string,
    readonly reasons: readonly string[],
  ) {
    super(`${headline}\n${reasons.map((r) => `  - ${r.replace(/\n/g, '\n    ')}`).join('\n')}`);
    this.name = 'RefusedError';
  }
}
