/** The result of linting several files, in the shape every output format reads. */
import type { Diagnostic } from '@dbm/core';

/** One file's outcome: its diagnostics, or why it could not be read. */
export interface FileReport {
  readonly path: string;
  readonly diagnostics: readonly Diagnostic[];
  /** Set when the file did not parse (or could not be read); then diagnostics is empty. */
  readonly error?: { readonly message: string; readonly line: number; readonly column: number };
}

/** Counts over all files. */
export interface LintSummary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  /** Files that could not be parsed. */
  readonly failed: number;
}

/** Adds up the reports. */
export function summarise(reports: readonly FileReport[]): LintSummary {
  let errors = 0;
  let warnings = 0;
  for (const r of reports) {
    for (const d of r.diagnostics) {
      if (d.severity === 'error') errors++;
      else warnings++;
    }
  }
  return { files: reports.length, errors, warnings, failed: reports.filter((r) => r.error).length };
}
