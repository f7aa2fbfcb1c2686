/** Loads `dbm status`'s workspace runner: one module, shared by the full CLI and the fast path. */
import type { WorkspaceRunner } from './run.js';

/** The workspace runner of status: the table of every selected package. */
export async function statusRunner(): Promise<WorkspaceRunner> {
  return (await import('./status.js')).runWorkspaceStatus;
}
