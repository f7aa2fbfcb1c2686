/**
 * Detection across adapters: which ORM a package uses, with the evidence. Two ORMs in one package is an
 * error that lists both and says how to choose; none is an error that says what was looked for.
 */
import type { OrmName } from './open.js';
import type { Evidence, Project } from './orm-adapter.js';
import { ADAPTERS, adapterFor } from './registry.js';
import { cachedProject, knownProject, type Detection } from './cache/project-cache.js';
import { recordProbes } from './code/probe.js';
import { DetectionError } from './detection-error.js';

export { DetectionError };

/** Every ORM with evidence in `root`. */
export async function detectAll(root: string): Promise<Evidence[]> {
  // side by side, in the registry's order
  const all = await Promise.all(ADAPTERS.map((a) => a.detect(root)));
  return all.filter((e): e is Evidence => e !== undefined);
}

/**
 * The project in `root`: the one ORM found there, or the one `orm` names. From the cache, without
 * detecting, while nothing detection looked at or the description depended on has changed.
 */
export async function detectProject(root: string, orm?: OrmName): Promise<Project> {
  const known = knownProject(root, orm);
  if (known) return known;
  const { result: found, stamps: probes } = await recordProbes(() => detectAll(root));
  if (orm) {
    const e = found.find((f) => f.orm === orm) ?? { orm, reasons: ['chosen with --orm'] };
    return describe(root, { evidence: e, chosen: orm, probes });
  }
  if (!found.length) {
    throw new DetectionError(
      `no ORM found in ${root}: looked for prisma (schema.prisma, prisma.config.ts), drizzle (drizzle.config.*), ` +
        'knex (knexfile.*) and TypeORM (a DataSource) in package.json dependencies and config files; run dbm in the package that owns the migrations, or pass --orm and --dir',
      found,
    );
  }
  if (found.length > 1) {
    const list = found.map((f) => `  ${f.orm}: ${f.reasons.join('; ')}`).join('\n');
    throw new DetectionError(`more than one ORM in ${root}:\n${list}\nchoose one with --orm ${found.map((f) => f.orm).join('|')}`, found);
  }
  return describe(root, { evidence: found[0]!, chosen: undefined, probes });
}

/** The adapter's description of the chosen ORM's project, cached while its config files and environment are unchanged. */
function describe(root: string, detection: Detection): Promise<Project> {
  const { evidence } = detection;
  return cachedProject(root, detection, () => adapterFor(evidence.orm).project(root, evidence));
}
