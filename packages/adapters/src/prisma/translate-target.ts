/**
 * `dbm translate --to prisma`: prisma.config.ts, prisma/schema.prisma (the model through Prisma's writer,
 * formatted as `prisma format` does) and one baseline in Prisma's migrations folder,
 * `prisma/migrations/<timestamp>_baseline/migration.sql` plus migration_lock.toml. The baseline SQL is the
 * model's exact DDL, so it also carries what Prisma's language cannot say (the writer's warnings).
 */
import { toScript, type SchemaModel, type SchemaWarning } from '@dbm/core';
import { alignDefaults } from '../translate/align-defaults.js';
import { baselineHeader, baselineStatements } from '../translate/baseline-sql.js';
import type { RenderContext, TargetRender, TranslateTarget } from '../translate/types.js';
import { prismaChecksum } from './checksum.js';
import { PrismaLedger } from './ledger.js';
import { lockFileText } from './lock-file.js';
import { PRISMA_LOCK_FILE } from './migrations-list.js';
import { writePrismaSchema } from './model-write.js';
import { prismaTimestamp } from './timestamp.js';

const MIGRATIONS = 'prisma/migrations';

function configFile(urlEnv: string): string {
  return [
    '// Prisma 7 reads its settings from here (written by dbm translate): the schema, the migrations folder and',
    '// the database URL. dbm reads the same file.',
    "import { defineConfig, env } from 'prisma/config';",
    '',
    'export default defineConfig({',
    "  schema: 'prisma/schema.prisma',",
    `  migrations: { path: '${MIGRATIONS}' },`,
    `  datasource: { url: env('${urlEnv}') },`,
    '});',
    '',
  ].join('\n');
}

// Prisma's @default(now()) is CURRENT_TIMESTAMP in the catalog; now() reads back as another default
const prismaNow = (d: { readonly kind: string; readonly sql: string }) => (d.kind === 'now' && !/^current_timestamp$/i.test(d.sql.trim()) ? 'CURRENT_TIMESTAMP' : undefined);

/** Prisma's pg driver adapter runs a migration script split at every ';': a statement holding one breaks there. */
function splitWarnings(statements: readonly string[]): SchemaWarning[] {
  return statements
    .filter((s) => s.includes(';'))
    .map((s) => ({ object: s.slice(0, 60).replace(/\s+/g, ' '), message: "holds a ';': Prisma's pg driver adapter splits migration scripts at every ';', so Prisma itself cannot run this baseline on a new database (dbm apply can)" }));
}

/** Renders the Prisma project of `model`. */
async function render(source: SchemaModel, ctx: RenderContext): Promise<TargetRender> {
  const spelled = await alignDefaults(source, 'Prisma', prismaNow);
  const model = spelled.model;
  const written = await writePrismaSchema(model, {
    header: 'Written by dbm translate from the database schema.',
    generator: { provider: 'prisma-client', output: '../src/generated/prisma' },
  });
  const statements = await baselineStatements(model);
  const schema = written.schema;
  const warnings = [...spelled.warnings, ...written.warnings, ...splitWarnings(statements)];
  const name = `${prismaTimestamp(ctx.now)}_baseline`;
  const header = baselineHeader('Prisma', warnings).map((l) => `-- ${l}`.trimEnd());
  const sql = `${header.join('\n')}\n\n${toScript(statements)}`;
  const path = `${MIGRATIONS}/${name}/migration.sql`;
  return {
    orm: 'prisma',
    files: [
      { path: 'prisma.config.ts', text: configFile(ctx.urlEnv) },
      { path: 'prisma/schema.prisma', text: schema },
      { path, text: sql },
      { path: `${MIGRATIONS}/${PRISMA_LOCK_FILE}`, text: lockFileText('postgresql') },
    ],
    migrationsDir: MIGRATIONS,
    baseline: { name, path },
    warnings,
    align: spelled.align,
    record: { ledger: new PrismaLedger(), source: { name, checksum: prismaChecksum(sql), order: 0, path, sql } },
  };
}

/** Prisma as a target of dbm translate. */
export const prismaTarget: TranslateTarget = { orm: 'prisma', render };
