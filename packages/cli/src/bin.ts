/** Process entry: runs the CLI and turns unexpected failures into a short message and exit code 1. */
import { internalError, navigatorAsNewerNode, quietOnClosedPipe } from './process-setup.js';

// verbs whose plain runs skip building the yargs CLI (fast.ts); the check is here so other verbs load none of it
const FAST_VERBS: readonly string[] = ['status'];

/** How {@link main} runs. */
export interface MainOptions {
  /**
   * Try the fast path first (default true). bin/dbm.js turns it off when it already tried the fast path
   * from its own bundle (fast-main.ts) and was told the arguments need the full CLI.
   */
  readonly fast?: boolean;
}

/** Runs dbm; never throws. */
export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  navigatorAsNewerNode();
  quietOnClosedPipe();
  try {
    if (options.fast !== false && FAST_VERBS.includes(argv[0] ?? '')) {
      const code = await (await import('./fast.js')).runFast(argv);
      if (code !== undefined) return code;
    }
    // loaded when needed: the fast path never loads yargs
    const { run } = await import('./cli.js');
    return await run(argv);
  } catch (e) {
    return internalError(e, argv);
  }
}
