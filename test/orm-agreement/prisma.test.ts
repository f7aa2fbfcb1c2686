// dbm and Prisma agree, end to end: dbm status/apply/rollback through the built CLI against Prisma's own
// schema engine (the wasm build of what `prisma migrate status` and `prisma migrate deploy` run).
import { openPrismaEngine } from '../../packages/adapters/src/prisma/engine.js';
import { deploy, diagnose, FIXTURE_MIGRATIONS } from '../../packages/adapters/src/prisma/prisma.testkit.js';
import { agreementSuite, type OrmView } from './suite.js';

/** `prisma migrate status`: the engine's diagnosis of the migration history. */
async function prismaStatus(url: string): Promise<OrmView> {
  const prisma = await openPrismaEngine(url);
  try {
    const d = await diagnose(prisma, FIXTURE_MIGRATIONS);
    const problems = [...d.failedMigrationNames.map((n) => `failed: ${n}`), ...d.editedMigrationNames.map((n) => `edited: ${n}`)];
    let pending: string[] = [];
    if (d.history?.diagnostic === 'databaseIsBehind') pending = d.history.unappliedMigrationNames;
    else if (d.history) problems.push(`history: ${JSON.stringify(d.history)}`);
    return { pending, problems };
  } finally {
    await prisma.close();
  }
}

/** `prisma migrate deploy`: the names it applied. */
async function prismaDeploy(url: string): Promise<string[]> {
  const prisma = await openPrismaEngine(url);
  try {
    return await deploy(prisma, FIXTURE_MIGRATIONS);
  } finally {
    await prisma.close();
  }
}

agreementSuite({
  orm: 'prisma',
  dir: FIXTURE_MIGRATIONS,
  names: ['20250101000000_users', '20250102000000_orders', '20250103000000_display_name'],
  ledger: 'public._prisma_migrations',
  users: { table: 'User', columns: ['id', 'email', 'created_at'] },
  orders: 'Order',
  seed: `
    INSERT INTO "User" (email, display_name) SELECT 'user' || g || '@example.test', 'User ' || g FROM generate_series(1, 40) g;
    INSERT INTO "Order" (user_id, total) SELECT 1 + g % 40, g * 13 FROM generate_series(1, 120) g;`,
  last: { columns: ['User.display_name'], indexes: [] },
  own: { label: "Prisma's schema engine", status: prismaStatus, apply: prismaDeploy },
});
