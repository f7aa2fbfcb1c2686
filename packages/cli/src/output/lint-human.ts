/** `dbm lint` for people: file:line:col, rule, lock, why, and the safe SQL to use. */
import { painter } from './color.js';
import { summarise, type FileReport } from './lint-report.js';

const indent = (text: string, by: string) => text.split('\n').map((l) => by + l).join('\n');

/** Renders the reports as readable text. */
export function lintHuman(reports: readonly FileReport[], color: boolean): string {
  const paint = painter(color);
  const out: string[] = [];
  for (const r of reports) {
    if (r.error) {
      out.push(`${paint('bold', `${r.path}:${r.error.line}:${r.error.column}`)}  ${paint('red', 'syntax error')}  ${r.error.message}`);
    }
    for (const d of r.diagnostics) {
      const sev = d.severity === 'error' ? paint('red', 'error') : paint('yellow', 'warning');
      const lock = d.lock === 'none' ? '' : `  ${paint('dim', `lock: ${d.lock}`)}`;
      out.push(`${paint('bold', `${r.path}:${d.line}:${d.column}`)}  ${sev}  ${d.rule} ${paint('dim', `(${d.code})`)}${lock}`);
      out.push(indent(d.message, '  '));
      if (d.help) out.push(`  ${paint('green', 'safe form:')}`, paint('cyan', indent(d.help, '    ')));
      out.push('');
    }
  }
  const s = summarise(reports);
  const counts = [`${s.errors} error${s.errors === 1 ? '' : 's'}`, `${s.warnings} warning${s.warnings === 1 ? '' : 's'}`];
  if (s.failed) counts.push(`${s.failed} file${s.failed === 1 ? '' : 's'} not parsed`);
  const verdict = s.errors || s.failed ? paint('red', '✗') : paint('green', '✓');
  out.push(`${verdict} ${counts.join(', ')} in ${s.files} file${s.files === 1 ? '' : 's'}`);
  return out.join('\n');
}
