/** Process entry: runs the CLI and turns unexpected failures into a short message and exit code 1. */

// verbs whose plain runs skip building the yargs CLI (fast.ts); the check is here so other verbs load none of it
const FAST_VERBS: readonly string[] = ['status'];

/**
 * pg asks whether it runs on Cloudflare Workers when it loads: without a `navigator` (Node 20 has none) it
 * constructs a fetch `Response`, which loads Node's whole fetch implementation, ~30 ms of every command
 * that connects. Node 21 and later define `navigator` themselves; on Node 20 dbm defines the same object
 * (its userAgent as Node 21+ spells it), so pg answers at once.
 */
function navigatorAsNewerNode(): void {
  if (typeof (globalThis as { navigator?: unknown }).navigator !== 'undefined') return;
  Object.defineProperty(globalThis, 'navigator', {
    value: { userAgent: `Node.js/${process.versions.node.split('.')[0]}` },
    configurable: true,
    writable: true,
  });
}

/** Runs dbm; never throws. */
export async function main(argv: readonly string[]): Promise<number> {
  navigatorAsNewerNode();
  try {
    if (FAST_VERBS.includes(argv[0] ?? '')) {
      const code = await (await import('./fast.js')).runFast(argv);
      if (code !== undefined) return code;
    }
    // loaded when needed: the fast path never loads yargs
    const { run } = await import('./cli.js');
    return await run(argv);
  } catch (e) {
    const verbose = argv.includes('--verbose');
    const err = e as Error;
    process.stderr.write(`dbm: internal error: ${err?.message ?? String(e)}\n`);
    if (verbose && err?.stack) process.stderr.write(`${err.stack}\n`);
    else process.stderr.write('(run again with --verbose for the stack trace, and please report it)\n');
    return 1;
  }
}
