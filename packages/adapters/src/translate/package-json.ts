/**
 * The package.json written with a translated project when its folder has none: an ES module package
 * depending on the target ORM at the versions dbm is built and tested against (the examples' versions).
 */
import type { OrmName } from '../open.js';

const DEPENDENCIES: Record<OrmName, { dependencies: Record<string, string>; devDependencies: Record<string, string> }> = {
  prisma: { dependencies: { '@prisma/client': '7.10.0', '@prisma/adapter-pg': '7.10.1', pg: '^8.23.1' }, devDependencies: { prisma: '7.10.1' } },
  drizzle: { dependencies: { 'drizzle-orm': '0.45.4', pg: '^8.23.1' }, devDependencies: { 'drizzle-kit': '0.31.11', tsx: '4.23.15' } },
  knex: { dependencies: { knex: '3.3.0', pg: '^8.23.1' }, devDependencies: {} },
  typeorm: { dependencies: { typeorm: '1.1.1', 'reflect-metadata': '0.2.2', pg: '^8.23.1' }, devDependencies: { tsx: '4.23.15', typescript: '5.9.3' } },
};

/** The package.json text for a project named after its folder. */
export function packageJsonText(orm: OrmName, folder: string): string {
  const name = folder.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+/, '') || `${orm}-project`;
  const deps = DEPENDENCIES[orm];
  const manifest = {
    name,
    private: true,
    type: 'module',
    description: `The schema translated to ${orm} by dbm translate`,
    dependencies: deps.dependencies,
    ...(Object.keys(deps.devDependencies).length ? { devDependencies: deps.devDependencies } : {}),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
