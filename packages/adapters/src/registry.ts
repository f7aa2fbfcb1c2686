/** The adapters, one per ORM, in detection order. */
import type { OrmName } from './open.js';
import type { OrmAdapter } from './orm-adapter.js';
import { prismaAdapter } from './prisma/adapter.js';
import { drizzleAdapter } from './drizzle/adapter.js';
import { knexAdapter } from './knex/adapter.js';
import { typeormAdapter } from './typeorm/adapter.js';

/** Every adapter. */
export const ADAPTERS: readonly OrmAdapter[] = [prismaAdapter, drizzleAdapter, knexAdapter, typeormAdapter];

/** The adapter of one ORM. */
export function adapterFor(orm: OrmName): OrmAdapter {
  const a = ADAPTERS.find((x) => x.orm === orm);
  if (!a) throw new Error(`no adapter for ${orm}`);
  return a;
}
