/** Runs the built `dbm` binary the way a user does: a child process, its output and its exit code. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'packages', 'cli', 'bin', 'dbm.js');

/** Fails with the fix when the CLI has not been built (`pnpm build`, or `pnpm test` which builds first). */
export function requireBuiltCli(): void {
  if (!existsSync(join(root, 'packages', 'cli', 'dist', 'bin.js'))) {
    throw new Error('the dbm CLI is not built: run `npx tsc -b packages/core packages/adapters packages/cli` (or `pnpm test`)');
  }
}

/** One dbm run. */
export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout and stderr together, for "never printed" checks. */
  readonly all: string;
}

/** Runs `dbm <args>` from the repository root; never throws on a non-zero exit. */
export async function dbm(args: readonly string[]): Promise<Run> {
  const env: Record<string, string | undefined> = { NO_COLOR: '1', FORCE_COLOR: undefined, DATABASE_URL: undefined };
  const r = await execa(process.execPath, [bin, ...args], { cwd: root, reject: false, timeout: 120_000, env, extendEnv: true });
  const stdout = String(r.stdout);
  const stderr = String(r.stderr);
  return { code: r.exitCode ?? -1, stdout, stderr, all: `${stdout}\n${stderr}` };
}

/** The JSON a run printed on stdout, with its output in the error when it is not JSON. */
export function json<T = Record<string, unknown>>(run: Run): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch (e) {
    throw new Error(`dbm printed no JSON (${(e as Error).message}); exit ${run.code}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
  }
}

/** A run's output, for assertion messages. */
export function show(run: Run): string {
  return `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
}
