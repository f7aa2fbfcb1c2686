/**
 * The entry of dist/bundle/fast.cjs: `dbm status` as one CommonJS file, which bin/dbm.js loads through V8's
 * code cache (bundle-loader.ts). It runs the same fast path as the whole CLI (fast.ts) and answers
 * undefined when the arguments need the full CLI, which bin/dbm.js then loads (dbm.cjs).
 */
import { runFast } from './fast.js';
import { internalError, navigatorAsNewerNode, quietOnClosedPipe } from './process-setup.js';

/** The exit code of `argv` on the fast path, or undefined when it needs the full CLI; never throws. */
export async function runFastMain(argv: readonly string[]): Promise<number | undefined> {
  navigatorAsNewerNode();
  quietOnClosedPipe();
  try {
    return await runFast(argv);
  } catch (e) {
    return internalError(e, argv);
  }
}
