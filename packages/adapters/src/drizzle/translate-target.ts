/**
 * `dbm translate --to drizzle`: drizzle.config.ts, src/schema.ts (the model through dbm's drizzle writer)
 * and one baseline in drizzle-kit's folder layout: `drizzle/0000_baseline.sql` (the model's exact DDL,
 * statements separated by drizzle's breakpoint marker), `meta/_journal.json`, and `meta/0000_snapshot.json`
 * made by drizzle-kit's own api from the written schema, so drizzle-kit's next generate diffs against
 * exactly what the schema says and finds nothing to do.
 */
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SchemaModel } from '@dbm/core';
import { baselineHeader, baselineStatements } from '../translate/baseline-sql.js';
import type { RenderContext, TargetRender, TranslateTarget } from '../translate/types.js';
import { DrizzleProjectError } from './errors.js';
import { drizzleHash } from './hash.js';
import { DrizzleLedger } from './ledger.js';
import { loadDrizzleKitApi } from './kit-api.js';
import { writeDrizzleSchema } from './model-write.js';
import { DRIZZLE_BREAKPOINT } from './read.js';
import { importDrizzleSchema } from './schema-module.js';
import { ORIGIN_UUID, snapshotFileText } from './snapshot.js';

const OUT = 'drizzle';
const TAG = '0000_baseline';

/** The node_modules folder holding drizzle-orm: the project's copy first, else dbm's. */
function drizzleOrmModules(root: string): string {
  for (const base of [join(root, 'package.json'), import.meta.url]) {
    try {
      const entry = createRequire(base).resolve('drizzle-orm');
      const at = entry.lastIndexOf('/node_modules/drizzle-orm/');
      if (at >= 0) return entry.slice(0, at + '/node_modules'.length);
    } catch {
      // not installed there: try the next place
    }
  }
  throw new DrizzleProjectError(`drizzle-orm is not installed (neither in ${root} nor beside dbm): install it (npm i drizzle-orm) to translate to drizzle`);
}

/** drizzle-kit's snapshot of the written schema, as `drizzle-kit generate` would save it for a first migration. */
async function snapshotOf(schemaText: string, root: string): Promise<string> {
  // the schema imports drizzle-orm: load it from a scratch folder that can resolve it
  const scratch = await mkdtemp(join(tmpdir(), 'dbm-translate-drizzle-'));
  try {
    await symlink(drizzleOrmModules(root), join(scratch, 'node_modules'), 'dir');
    const file = join(scratch, 'schema.ts');
    await writeFile(file, schemaText);
    const api = await loadDrizzleKitApi(root);
    return snapshotFileText(api.generateDrizzleJson(await importDrizzleSchema([file]), ORIGIN_UUID));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function configFile(urlEnv: string, schemas: readonly string[]): string {
  return [
    '// drizzle-kit\'s config (written by dbm translate): PostgreSQL, schema in src/schema.ts, migrations in ./drizzle.',
    "import { defineConfig } from 'drizzle-kit';",
    '',
    'export default defineConfig({',
    "  dialect: 'postgresql',",
    "  schema: './src/schema.ts',",
    `  out: './${OUT}',`,
    ...(schemas.some((s) => s !== 'public') ? [`  schemaFilter: [${schemas.map((s) => `'${s.replace(/[\\']/g, '\\$&')}'`).join(', ')}],`] : []),
    '  dbCredentials: {',
    `    url: process.env.${urlEnv}!,`,
    '  },',
    '});',
    '',
  ].join('\n');
}

/** Renders the drizzle project of `model`. */
async function render(model: SchemaModel, ctx: RenderContext): Promise<TargetRender> {
  const { files, warnings } = await writeDrizzleSchema(model);
  const schema = files[0]!.text;
  const header = baselineHeader('drizzle', warnings).map((l) => `-- ${l}`.trimEnd());
  const statements = await baselineStatements(model);
  // drizzle's migrator splits the file on the marker and runs each part as it is
  const sql = `${header.join('\n')}\n${statements.map((s) => `${s};`).join(`\n${DRIZZLE_BREAKPOINT}\n`)}\n`;
  const journal = { version: '7', dialect: 'postgresql', entries: [{ idx: 0, version: '7', when: ctx.now.getTime(), tag: TAG, breakpoints: true }] };
  const schemas = [...new Set([...model.tables, ...model.enums].map((o) => o.schema))].sort();
  return {
    orm: 'drizzle',
    files: [
      { path: 'drizzle.config.ts', text: configFile(ctx.urlEnv, schemas) },
      { path: 'src/schema.ts', text: schema },
      { path: `${OUT}/${TAG}.sql`, text: sql },
      { path: `${OUT}/meta/_journal.json`, text: JSON.stringify(journal, null, 2) },
      { path: `${OUT}/meta/0000_snapshot.json`, text: await snapshotOf(schema, ctx.root) },
    ],
    migrationsDir: OUT,
    baseline: { name: TAG, path: `${OUT}/${TAG}.sql` },
    warnings,
    align: [],
    record: {
      ledger: new DrizzleLedger(),
      source: { name: TAG, checksum: drizzleHash(sql), order: 0, path: `${OUT}/${TAG}.sql`, sql, meta: { when: journal.entries[0]!.when } },
    },
  };
}

/** drizzle as a target of dbm translate. */
export const drizzleTarget: TranslateTarget = { orm: 'drizzle', render };
