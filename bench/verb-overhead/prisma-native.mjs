#!/usr/bin/env node
// The Prisma side of the comparison. The Prisma CLI cannot run on machines that cannot download its engine
// binary (this one), so this does what `prisma migrate status` / `prisma migrate deploy` do, with Prisma's
// own wasm schema engine: list the migrations folder and ask the engine. Usage: prisma-native.mjs status|deploy <migrations dir>
import { openPrismaEngine, prismaMigrationsList } from '../../packages/adapters/dist/index.js';

const [verb, dir] = process.argv.slice(2);
const prisma = await openPrismaEngine(process.env.DATABASE_URL);
const filters = { externalTables: [], externalEnums: [] };
try {
  const migrationsList = await prismaMigrationsList(dir);
  if (verb === 'status') {
    const d = await prisma.engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters });
    const pending = d.history?.tag === 'databaseIsBehind' ? d.history.unappliedMigrationNames.length : 0;
    console.log(pending ? `${pending} pending` : 'Database schema is up to date!');
  } else {
    const out = await prisma.engine.applyMigrations({ migrationsList, filters });
    console.log(`${out.appliedMigrationNames.length} applied`);
  }
} finally {
  await prisma.close();
}
