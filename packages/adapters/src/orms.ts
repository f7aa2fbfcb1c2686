/**
 * The ORMs dbm drives. A module of its own, without imports: the config schema needs the list, and
 * importing it from open.ts would bring every ORM's reader and ledger along.
 */
export const ORMS = ['prisma', 'drizzle', 'knex', 'typeorm'] as const;

/** One of {@link ORMS}. */
export type OrmName = (typeof ORMS)[number];
