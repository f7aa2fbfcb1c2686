/**
 * `dbm translate --to knex`: a knexfile.js and one baseline migration, `migrations/<timestamp>_baseline.js`,
 * written by dbm's knex writer (schema builder calls where knex has them, `knex.raw` with a warning where it
 * has none). knex has no schema source besides its migrations, and no generator.
 */
import type { SchemaModel } from '@dbm/core';
import { prismaTimestamp } from '../prisma/timestamp.js';
import { warningLines } from '../translate/baseline-sql.js';
import type { RenderContext, TargetRender, TranslateTarget } from '../translate/types.js';
import { KnexLedger } from './ledger.js';
import { writeKnexMigration } from './model-write.js';
import type { MigrationStyle } from './write.js';

const MIGRATIONS = 'migrations';

function knexfile(style: MigrationStyle, urlEnv: string): string {
  const body = [
    '{',
    '  development: {',
    "    client: 'pg',",
    `    connection: process.env.${urlEnv},`,
    `    migrations: { directory: './${MIGRATIONS}', tableName: 'knex_migrations' },`,
    '  },',
    '  production: {',
    "    client: 'pg',",
    `    connection: process.env.${urlEnv},`,
    `    migrations: { directory: './${MIGRATIONS}', tableName: 'knex_migrations' },`,
    '  },',
    '}',
  ].join('\n');
  const head = `// knex's configuration (written by dbm translate). The database comes from ${urlEnv}, which dbm reads too.`;
  return `${head}\n${style === 'module' ? 'export default' : 'module.exports ='} ${body};\n`;
}

/** Renders the knex project of `model`. */
async function render(model: SchemaModel, ctx: RenderContext): Promise<TargetRender> {
  const style: MigrationStyle = (ctx.packageJson?.type ?? 'module') === 'module' ? 'module' : 'commonjs';
  const { text, warnings } = writeKnexMigration(model, { style });
  const name = `${prismaTimestamp(ctx.now)}_baseline.js`;
  const lines = warningLines('knex', warnings).map((l) => `// ${l}`.trimEnd());
  const head = ['// Baseline written by dbm translate: recorded as applied in the database it was translated from.', ...lines];
  return {
    orm: 'knex',
    files: [
      { path: 'knexfile.js', text: knexfile(style, ctx.urlEnv) },
      { path: `${MIGRATIONS}/${name}`, text: `${head.join('\n')}\n${text}` },
    ],
    migrationsDir: MIGRATIONS,
    baseline: { name, path: `${MIGRATIONS}/${name}` },
    warnings,
    align: [],
    record: { ledger: new KnexLedger(), source: { name, checksum: '', order: 0, path: `${MIGRATIONS}/${name}` } },
  };
}

/** knex as a target of dbm translate. */
export const knexTarget: TranslateTarget = { orm: 'knex', render };
