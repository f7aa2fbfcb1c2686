/**
 * A spinner on stderr for waits that report no progress of their own (an ORM's generator starting its
 * engine, a workspace being read). Only on a terminal, never in CI or with --json: there it would be
 * noise in logs and captured output. stdout is never touched.
 */
const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const INTERVAL_MS = 80;

/** Whether a spinner may be drawn: stderr is a terminal, not CI, not TERM=dumb. */
export function spinnerEnabled(stream: NodeJS.WriteStream = process.stderr): boolean {
  return Boolean(stream.isTTY) && !process.env.CI && process.env.TERM !== 'dumb';
}

/** Runs `work` with `text` and a spinner beside it; the line is cleared when the work ends either way. */
export async function withSpinner<T>(text: string, work: () => Promise<T>, enabled = spinnerEnabled()): Promise<T> {
  if (!enabled) return work();
  let frame = 0;
  const draw = () => process.stderr.write(`\r\u001b[2K${FRAMES[frame++ % FRAMES.length]} ${text}`);
  draw();
  const timer = setInterval(draw, INTERVAL_MS);
  // the spinner must never keep the process alive on its own
  timer.unref();
  try {
    return await work();
  } finally {
    clearInterval(timer);
    process.stderr.write('\r\u001b[2K');
  }
}
