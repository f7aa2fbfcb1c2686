/** The target of each ORM, loaded on demand (each pulls in its ORM's writer and tools). */
import type { OrmName } from '../open.js';
import type { TranslateTarget } from './types.js';

/** The translate target of `orm`. */
export async function targetFor(orm: OrmName): Promise<TranslateTarget> {
  // literal specifiers, so bundlers and vitest can see them
  switch (orm) {
    case 'prisma':
      return (await import('../prisma/translate-target.js')).prismaTarget;
    case 'drizzle':
      return (await import('../drizzle/translate-target.js')).drizzleTarget;
    case 'knex':
      return (await import('../knex/translate-target.js')).knexTarget;
    case 'typeorm':
      return (await import('../typeorm/translate-target.js')).typeormTarget;
  }
}
