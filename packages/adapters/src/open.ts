/**
 * One entry point from "this ORM, this migrations folder" to what the executor needs: the migrations
 * on disk and the ORM's own ledger. (Detection of the ORM and folder from a project comes on top of this.)
 */
import type { Ledger, MigrationSource } from '@dbm/core';

/** The ORMs dbm drives. */
export const ORMS = ['prisma', 'drizzle', 'knex', 'typeorm'] as const;

/** One of {@link ORMS}. */
export type OrmName = (typeof ORMS)[number];

/** What to open. */
export interface OpenOptions {
  readonly orm: OrmName;
  /** The migrations folder (prisma/migrations, drizzle, migrations, src/migrations…). */
  readonly dir: string;
  /** The ledger table, when the project renamed it. */
  readonly table?: string;
  /** The ledger's schema, when the project moved it. */
  readonly schema?: string;
}

/** Migrations and ledger of one project. */
export interface MigrationSet {
  readonly orm: OrmName;
  readonly dir: string;
  readonly ledger: Ledger;
  readonly sources: MigrationSource[];
}

/** Reads the migrations folder and builds the matching ledger. */
export async function openMigrations(o: OpenOptions): Promise<MigrationSet> {
  switch (o.orm) {
    case 'prisma': {
      const { readPrismaMigrations } = await import('./prisma/read.js');
      const { PrismaLedger } = await import('./prisma/ledger.js');
      const sources = await readPrismaMigrations(o.dir);
      return { orm: o.orm, dir: o.dir, sources, ledger: new PrismaLedger({ sources, ...(o.schema ? { schema: o.schema } : {}) }) };
    }
    case 'drizzle': {
      const { readDrizzleMigrations } = await import('./drizzle/read.js');
      const { DrizzleLedger } = await import('./drizzle/ledger.js');
      const sources = await readDrizzleMigrations(o.dir);
      return {
        orm: o.orm,
        dir: o.dir,
        sources,
        ledger: new DrizzleLedger({ sources, ...(o.schema ? { schema: o.schema } : {}), ...(o.table ? { table: o.table } : {}) }),
      };
    }
    case 'knex':
    case 'typeorm':
      return openCodeMigrations(o);
  }
}

async function openCodeMigrations(o: OpenOptions): Promise<MigrationSet> {
  // literal specifiers, so bundlers and vitest can see them
  const mod = (o.orm === 'knex' ? await import('./knex/open.js') : await import('./typeorm/open.js')) as {
    open(o: OpenOptions): Promise<MigrationSet>;
  };
  return mod.open(o);
}
