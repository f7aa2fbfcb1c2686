/** `dbm lint --format github`: GitHub Actions workflow commands, one annotation per finding. */
import type { FileReport } from './lint-report.js';

/** Escapes a value for a workflow command (data part or property). */
function esc(text: string, property = false): string {
  let s = text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  if (property) s = s.replace(/:/g, '%3A').replace(/,/g, '%2C');
  return s;
}

/** Renders the reports as `::error file=…,line=…,col=…,title=…::message` lines. */
export function lintGithub(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    if (r.error) {
      lines.push(`::error file=${esc(r.path, true)},line=${r.error.line},col=${r.error.column},title=${esc('dbm: syntax error', true)}::${esc(r.error.message)}`);
    }
    for (const d of r.diagnostics) {
      const level = d.severity === 'error' ? 'error' : 'warning';
      const title = esc(`${d.code} ${d.rule} (lock: ${d.lock})`, true);
      const body = esc(d.help ? `${d.message}\nSafe form:\n${d.help}` : d.message);
      lines.push(`::${level} file=${esc(r.path, true)},line=${d.line},col=${d.column},title=${title}::${body}`);
    }
  }
  return lines.join('\n');
}
