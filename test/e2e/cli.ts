/** Runs the built `dbm` binary the way a user does, capturing output and exit code. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'packages', 'cli', 'bin', 'dbm.js');

/** Result of one dbm run. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs dbm with arguments in `cwd`; never throws on a non-zero exit. */
export async function dbm(args: string[], cwd = process.cwd(), env: Record<string, string> = {}): Promise<Run> {
  const r = await execa(process.execPath, [bin, ...args], { cwd, reject: false, env: { NO_COLOR: '1', ...env } });
  return { code: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** A temporary directory holding the given files (path → content). */
export function testdir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dbm-e2e-'));
  for (const [path, content] of Object.entries(files)) writeFileSync(join(dir, path), content);
  return dir;
}
