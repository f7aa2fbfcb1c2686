/** `dbm lint --format json`: the documented shape other tools read. */
import { summarise, type FileReport } from './lint-report.js';

/** Renders the reports as one compact JSON document (pipe it through `jq` to read it). */
export function lintJson(reports: readonly FileReport[]): string {
  const summary = summarise(reports);
  return JSON.stringify(
    {
      files: reports.map((r) => ({
        path: r.path,
        ...(r.error ? { error: r.error } : {}),
        diagnostics: r.diagnostics.map((d) => ({
          rule: d.rule,
          code: d.code,
          severity: d.severity,
          line: d.line,
          column: d.column,
          lock: d.lock,
          message: d.message,
          ...(d.help ? { help: d.help } : {}),
          aliases: d.aliases,
        })),
      })),
      summary: { files: summary.files, errors: summary.errors, warnings: summary.warnings, parseErrors: summary.failed },
    },
  );
}
