import { readFile, mkdir, writeFile, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { introspectSchema, schemaToSql } from '@dbm/core';
import { writePrismaSchema } from '/work/main/packages/adapters/src/prisma/model-write.ts';
import { prismaDiff } from '/work/main/packages/adapters/src/prisma/diff.ts';
import { prismaMigrationsList } from '/work/main/packages/adapters/src/prisma/migrations-list.ts';
const admin = new pg.Client('postgres://postgres@127.0.0.1:5432/postgres'); await admin.connect();
const db = 'tx_exp1_' + process.pid; await admin.query(`CREATE DATABASE ${db}`);
const c = new pg.Client(`postgres://postgres@127.0.0.1:5432/${db}`); await c.connect();
try {
  await c.query(await readFile('/work/main/packages/core/src/schema/testdata/full.sql', 'utf8'));
  const model = await introspectSchema(c);
  const { schema, warnings } = await writePrismaSchema(model);
  const dir = await mkdtemp(join(tmpdir(), 'txp-'));
  await mkdir(join(dir, '20250101000000_baseline'));
  await writeFile(join(dir, '20250101000000_baseline', 'migration.sql'), schemaToSql(model));
  await writeFile(join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
  const t0 = Date.now();
  const out = await prismaDiff({ migrations: await prismaMigrationsList(dir), schemaFiles: [{ path: 'schema.prisma', content: schema }], configDir: dir, externalTables: [], externalEnums: [] });
  console.log('DIFF (', Date.now() - t0, 'ms):\n' + out);
} finally { await c.end(); await admin.query(`DROP DATABASE ${db} WITH (FORCE)`); await admin.end(); }
