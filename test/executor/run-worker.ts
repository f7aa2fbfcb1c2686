/** Starts the executor worker in a child process and collects its events and outcome. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

const here = dirname(fileURLToPath(import.meta.url));

/** The shop fixture's Prisma migrations folder. */
export const SHOP = join(here, 'fixtures', 'shop', 'migrations');

/** What one worker run produced. */
export interface WorkerRun {
  events: Array<Record<string, unknown> & { type?: string }>;
  result?: { applied: string[]; resumed: string[]; rolledBack?: string[] };
  error?: string;
  signal?: string;
  code?: number;
}

/** Runs the worker with the given env and waits for it (a SIGKILL is an outcome, not a failure). */
export async function runWorker(env: Record<string, string>): Promise<WorkerRun> {
  const r = await execa(process.execPath, [join(here, 'worker.mjs')], { env, reject: false, timeout: 120_000 });
  const lines = String(r.stdout).split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  const end = lines.find((l) => 'result' in l || 'error' in l) as { result?: WorkerRun['result']; error?: string } | undefined;
  return {
    events: lines.filter((l) => 'type' in l),
    ...(end?.result ? { result: end.result } : {}),
    ...(end?.error ? { error: end.error } : {}),
    ...(r.signal ? { signal: r.signal } : {}),
    ...(r.exitCode !== undefined ? { code: r.exitCode } : {}),
    ...(String(r.stderr).trim() ? { error: end?.error ?? String(r.stderr) } : {}),
  };
}
