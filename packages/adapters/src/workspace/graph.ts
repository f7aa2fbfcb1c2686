/**
 * The order the workspace dependency graph gives: a package after every workspace package it depends
 * on (apply runs in this order, rollback in reverse). Ties keep path order, so the order is stable. A
 * cycle has no such order: it is an error that names the cycle.
 */
import { WorkspaceError } from './errors.js';
import type { WorkspacePackage } from './discover.js';

/** One cycle among `remaining` (names), as a path that returns to its start. */
function findCycle(remaining: ReadonlyMap<string, WorkspacePackage>): string[] {
  const onPath: string[] = [];
  const done = new Set<string>();
  const visit = (name: string): string[] | undefined => {
    const at = onPath.indexOf(name);
    if (at >= 0) return [...onPath.slice(at), name];
    if (done.has(name)) return undefined;
    onPath.push(name);
    for (const dep of remaining.get(name)?.dependsOn ?? []) {
      if (!remaining.has(dep)) continue;
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    onPath.pop();
    done.add(name);
    return undefined;
  };
  for (const name of remaining.keys()) {
    const cycle = visit(name);
    if (cycle) return cycle;
  }
  return [...remaining.keys()];
}

/** The packages in dependency order (dependencies first). Throws WorkspaceError on a cycle. */
export function dependencyOrder(packages: readonly WorkspacePackage[]): WorkspacePackage[] {
  const remaining = new Map([...packages].sort((a, b) => a.path.localeCompare(b.path)).map((p) => [p.name, p]));
  const order: WorkspacePackage[] = [];
  while (remaining.size) {
    const ready = [...remaining.values()].filter((p) => p.dependsOn.every((d) => !remaining.has(d)));
    if (!ready.length) {
      throw new WorkspaceError(
        `the workspace dependencies form a cycle: ${findCycle(remaining).join(' → ')}; dbm needs an order to apply them in (break the cycle, or run one package with --filter)`,
      );
    }
    for (const p of ready) {
      order.push(p);
      remaining.delete(p.name);
    }
  }
  return order;
}
