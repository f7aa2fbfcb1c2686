/**
 * The status of every selected package, gathered in parallel (a few at a time): each package opens its
 * migrations and reads its own ledger in one go; then each is matched by migration name, and in a shared
 * ledger the rows of the other packages are set aside, not counted as missing.
 */
import type { Gathered } from './gather.js';
import type { MigrationSet } from '@dbm/adapters/project';
import type { PackageDetection } from '@dbm/adapters/workspace';
import type { LedgerRow, StatusReport } from '@dbm/core/status';
import { databaseUrl, userErrors, type ProjectArgs, withUrlLedgerSchema } from '../commands/project.js';

/** One row of the workspace status. */
export interface PackageStatus {
  readonly name: string;
  readonly path: string;
  readonly orm?: string;
  readonly dialect?: string;
  /** ok: read; skipped: no ORM; several: more than one ORM; error: could not be read. */
  readonly state: 'ok' | 'skipped' | 'several' | 'error';
  readonly applied?: number;
  readonly pending?: number;
  /** failed + edited + missing + out of order. */
  readonly drift?: number;
  /** Rows of a shared ledger that belong to other packages. */
  readonly shared?: number;
  readonly report?: StatusReport;
  readonly message?: string;
}

/** How many packages are read at once. */
const CONCURRENCY = 4;

/** A package's migrations and its ledger's rows, or why they could not be read. */
type Read = { set: MigrationSet; rows: LedgerRow[] } | { error: string } | undefined;

const messageOf = (e: unknown) => String((e as Error)?.message ?? e).replace(/^dbm: /, '');

async function readPackage(args: ProjectArgs, d: PackageDetection): Promise<Read> {
  if (d.kind !== 'project') return undefined;
  const light = await import('../light.js');
  try {
    const url = databaseUrl(args, d.project);
    const set = await light.adapterFor(d.project.orm).open(withUrlLedgerSchema(d.project, url));
    const rows = await userErrors(url, async () => {
      const client = await light.connect(url);
      try {
        return (await set.ledger.exists(client)) ? await set.ledger.read(client) : [];
      } finally {
        light.endWithoutWaiting(client);
      }
    });
    return { set, rows };
  } catch (e) {
    return { error: messageOf(e) };
  }
}

/** Reads the status of every detected package. */
export async function statusRows(args: ProjectArgs, gathered: Gathered): Promise<PackageStatus[]> {
  const [light, workspace] = await Promise.all([import('../light.js'), import('@dbm/adapters/workspace')]);
  const reads = await workspace.mapLimit(gathered.detections, CONCURRENCY, (d) => readPackage(args, d));
  const sourcesOf = new Map(gathered.detections.map((d, i) => [d.pkg.name, (reads[i] && 'set' in reads[i] ? reads[i].set.sources : [])]));
  return gathered.detections.map((d, i): PackageStatus => {
    const base = { name: d.pkg.name, path: d.pkg.path };
    if (d.kind === 'none') return { ...base, state: 'skipped', message: 'no ORM' };
    if (d.kind === 'several') return { ...base, orm: d.orms.join('+'), state: 'several', message: d.message };
    if (d.kind === 'error') return { ...base, state: 'error', message: d.message };
    const described = { ...base, orm: d.project.orm, dialect: d.project.dialect };
    const read = reads[i];
    if (!read || 'error' in read) return { ...described, state: 'error', message: read?.error ?? 'could not be read' };
    const siblings = workspace.ledgerSiblings(gathered.collisions, d.pkg.name).flatMap((n) => sourcesOf.get(n) ?? []);
    const own = workspace.ownRows(read.rows, read.set.sources, siblings);
    const report = light.computeStatus(read.set.ledger.orm, read.set.ledger.table, read.set.sources, own.rows);
    const c = report.counts;
    const drift = c.failed + c.edited + c.missing + c['out-of-order'];
    return { ...described, state: 'ok', applied: c.applied, pending: c.pending, drift, ...(own.shared ? { shared: own.shared } : {}), report };
  });
}
