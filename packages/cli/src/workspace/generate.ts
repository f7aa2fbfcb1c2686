/** `dbm generate --filter <package>`: generate runs in one package, found by name, glob or path. */
import { ExitError } from '../errors.js';
import type { WorkspaceTarget } from './target.js';

/** Runs generate in the one package the filter selects; resolves to its exit code. */
export async function runWorkspaceGenerate<A extends { project?: string; filter?: string[] }>(
  args: A,
  target: WorkspaceTarget,
  generate: (args: A) => Promise<number>,
): Promise<number> {
  if (target.packages.length !== 1) {
    throw new ExitError(`dbm: generate works in one package, and --filter selects ${target.packages.length}: ${target.packages.map((p) => p.name).join(', ')}`);
  }
  const { filter: _filter, ...rest } = args;
  return generate({ ...rest, project: target.packages[0]!.dir } as A);
}
