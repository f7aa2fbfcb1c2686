/** Renders executor events for people: one line per step, retries, and live progress on a terminal. */
import type { ExecEvent } from '@dbm/core';
import { painter } from './color.js';

/** A listener that writes to stderr (stdout stays clean for --json). */
export function humanListener(options: { color: boolean; tty: boolean; verbose: boolean; write?: (s: string) => void }): (e: ExecEvent) => void {
  const paint = painter(options.color);
  const write = options.write ?? ((s: string) => process.stderr.write(s));
  let live = false;
  const line = (text: string) => {
    if (live) write('\r\u001b[2K');
    live = false;
    write(`${text}\n`);
  };
  const progress = (text: string) => {
    if (!options.tty) return;
    write(`\r\u001b[2K${paint('dim', text)}`);
    live = true;
  };
  return (e) => {
    switch (e.type) {
      case 'wait-lock':
        line(paint('yellow', `… another dbm apply is running${e.holderPid ? ` (pid ${e.holderPid})` : ''}; waiting for it to finish`));
        break;
      case 'migration-start':
        line(`${paint('bold', '▶')} ${e.migration}${e.resumed ? paint('yellow', ' (resuming a run that was interrupted)') : ''}`);
        break;
      case 'migration-done':
        line(`${paint('green', '✓')} ${e.migration} ${paint('dim', `(${e.ms} ms)`)}`);
        break;
      case 'step-start':
        if (options.verbose || options.tty) progress(`  step ${e.step + 1}/${e.steps}${e.transactional ? '' : ' (outside a transaction)'}: ${e.comment}`);
        break;
      case 'step-done':
        if (options.verbose) line(paint('dim', `  step ${e.step + 1} done in ${e.ms} ms`));
        break;
      case 'step-skip':
        line(paint('dim', `  step ${e.step + 1}: skipped (${e.reason})`));
        break;
      case 'retry':
        line(paint('yellow', `  step ${e.step + 1}: lock not available (${e.reason.split('\n')[0]}); retry ${e.attempt} in ${e.delayMs} ms`));
        break;
      case 'index-progress':
        progress(`  ${e.index}: ${e.phase}${e.total ? ` ${Math.round((100 * e.done) / e.total)} %` : ''}`);
        break;
      case 'backfill-progress':
        progress(`  backfill ${e.table}: ${e.rows} rows (${e.rowsPerSecond} rows/s)`);
        break;
      case 'backup':
        line(paint('dim', `  kept ${e.what} in ${e.backupTable} (${e.rows} rows) for rollback`));
        break;
      case 'invalid-index-dropped':
        line(paint('yellow', `  dropped the INVALID index ${e.index} a failed build left behind; building it again`));
        break;
    }
  };
}
