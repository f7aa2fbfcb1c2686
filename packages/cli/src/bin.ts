/** Process entry: runs the CLI and turns unexpected failures into a short message and exit code 1. */
import { run } from './cli.js';

/** Runs dbm; never throws. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
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
