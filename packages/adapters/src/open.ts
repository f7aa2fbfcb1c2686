/**
 * One entry point from "this ORM, this migrations folder" to what the executor needs: the migrations
 * on disk and the ORM's own ledger. (Detection of the ORM and folder from a project comes on top of this.)
 */
import type { Ledger, MigrationSource } from '@dbm/core';
// each ORM's reader and ledger: small modules (the ORMs themselves load only when a code migration runs)
import { DrizzleLedger } from './drizzle/ledger.js';
import { readDrizzleMigrations } from './drizzle/read.js';
import { open as openKnex } from './knex/open.js';
import { PrismaLedger } from './prisma/ledger.js';
import { readPrismaMigrations } from './prisma/read.js';
import { open as openTypeOrm } from './typeorm/open.js';

import { ORMS, type OrmName } from './orms.js';

export { ORMS, type OrmName };

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
      const sources = await readPrismaMigrations(o.dir);
      return { orm: o.orm, dir: o.dir, sources, ledger: new PrismaLedger({ sources, ...(o.schema ? { schema: o.schema } : {}) }) };
    }
    case 'drizzle': {
      const sources = await readDrizzleMigrations(o.dir);
      return {
        orm: o.orm,
        dir: o.dir,
        sources,
        ledger: new DrizzleLedger({ sources, ...(o.schema ? { schema: o.schema } : {}), ...(o.table ? { table: o.table } : {}) }),
      };
    }
    case 'knex':
      return openKnex(o);
    case 'typeorm':
      return openTypeOrm(o);
  }
}
