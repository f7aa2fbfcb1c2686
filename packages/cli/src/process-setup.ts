/** What every entry of the CLI does around a run: the Node 20 `navigator`, and unexpected errors as a short message. */

/**
 * pg asks whether it runs on Cloudflare Workers when it loads: without a `navigator` (Node 20 has none) it
 * constructs a fetch `Response`, which loads Node's whole fetch implementation, ~30 ms of every command
 * that connects. Node 21 and later define `navigator` themselves; on Node 20 dbm defines the same object
 * (its userAgent as Node 21+ spells it), so pg answers at once.
 */
export function navigatorAsNewerNode(): void {
  if (typeof (globalThis as { navigator?: unknown }).navigator !== 'undefined') return;
  Object.defineProperty(globalThis, 'navigator', {
    value: { userAgent: `Node.js/${process.versions.node.split('.')[0]}` },
    configurable: true,
    writable: true,
  });
}

/**
 * A reader that stops early (`dbm rules | head`) closes the pipe: the output is no longer wanted, which is
 * no error of dbm's. Without this, the next write fails with EPIPE and Node prints a stack trace.
 */
let quiet = false;
export function quietOnClosedPipe(): void {
  if (quiet) return;
  quiet = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit(process.exitCode ?? 0);
    });
  }
}

/** Prints an error no verb expected (a bug, not bad input) and gives exit code 1; the stack with --verbose. */
export function internalError(e: unknown, argv: readonly string[]): number {
  const err = e as Error;
  process.stderr.write(`dbm: internal error: ${err?.message ?? String(e)}\n`);
  if (argv.includes('--verbose') && err?.stack) process.stderr.write(`${err.stack}\n`);
  else process.stderr.write('(run again with --verbose for the stack trace, and please report it)\n');
  return 1;
}
