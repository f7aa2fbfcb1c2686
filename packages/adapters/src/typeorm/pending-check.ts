/**
 * TypeORM's generator compares the entities with the database, not with the migrations: run while
 * migrations are still pending, it writes their changes a second time. dbm refuses that, naming them.
 */
import { existsSync } from 'node:fs';
import { connect, readStatus } from '@dbm/core';
import type { Project } from '../orm-adapter.js';
import { open } from './open.js';
import { TypeOrmGenerateError } from './generate-error.js';
import { writeFolder } from './migrations-location.js';

/** Throws when the project has pending migrations on the database at `url`. */
export async function refusePending(project: Project, url: string): Promise<void> {
  // a first migration: no folder yet, nothing pending (the connection is still checked)
  if (!existsSync(writeFolder(project.migrationsDir))) {
    await (await connect(url, 'dbm generate')).end();
    return;
  }
  const set = await open({
    orm: 'typeorm',
    dir: project.migrationsDir,
    ...(project.ledgerTable ? { table: project.ledgerTable } : {}),
    ...(project.ledgerSchema ? { schema: project.ledgerSchema } : {}),
  });
  const client = await connect(url, 'dbm generate');
  try {
    const report = await readStatus(client, set.ledger, set.sources);
    const pending = report.migrations.filter((m) => m.state === 'pending').map((m) => m.name);
    if (pending.length) {
      throw new TypeOrmGenerateError(
        `${pending.length} migration${pending.length === 1 ? ' is' : 's are'} not applied yet (${pending.join(', ')}): ` +
          "TypeORM's migration:generate compares the entities with the database, so it would write their changes again. Run dbm apply first, then generate; nothing was written",
      );
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
