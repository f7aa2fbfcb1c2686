/** `dbm lint --format json`: the documented shape other tools read. */
import { summarise, type FileReport } from './lint-report.js';

/**
 * Renders the reports as one compact JSON document (pipe it through `jq` to read it). Diagnostics are
 * built by the linter in exactly the documented key order (rule, code, severity, line, column, lock,
 * message, help, aliases), so they are serialised as they are, without copying tens of thousands of objects.
 */
export function lintJson(reports: readonly FileReport[]): string {
  const summary = summarise(reports);
  const files = reports.map((r) => (r.error ? { path: r.path, error: r.error, diagnostics: r.diagnostics } : { path: r.path, diagnostics: r.diagnostics }));
  return JSON.stringify({
    files,
    summary: { files: summary.files, errors: summary.errors, warnings: summary.warnings, parseErrors: summary.failed },
  });
}
