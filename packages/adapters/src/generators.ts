/**
 * Each ORM's generator behind one signature, beside the adapters rather than in them: generating is one
 * verb's work, and keeping it out of the registry keeps what every other verb loads small (the fast
 * `dbm status` bundle holds none of it). Each generator is imported when first used.
 */
import type { OrmName } from './open.js';
import type { GenerateOptions, GenerateResult, Project } from './orm-adapter.js';

/** Generates the next migration with the ORM's own generator, then the safety pass; writes the ORM's files. */
export type OrmGenerator = (project: Project, options: GenerateOptions) => Promise<GenerateResult>;

const GENERATORS: Readonly<Record<OrmName, () => Promise<OrmGenerator>>> = {
  prisma: async () => (await import('./prisma/generate.js')).generatePrismaMigration,
  drizzle: async () => (await import('./drizzle/generate.js')).generateDrizzle,
  knex: async () => (await import('./knex/generate.js')).generateKnex,
  typeorm: async () => (await import('./typeorm/generate.js')).generateTypeOrm,
};

/** The generator of the project's ORM, run on it. */
export async function generateMigration(project: Project, options: GenerateOptions): Promise<GenerateResult> {
  return (await GENERATORS[project.orm]())(project, options);
}
