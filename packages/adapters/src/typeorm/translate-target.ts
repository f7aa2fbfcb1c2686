/**
 * `dbm translate --to typeorm`: entity classes and a DataSource (dbm's TypeORM writer, explicit column
 * types), a tsconfig.json with the decorator settings TypeORM needs, and one baseline migration class,
 * `src/migrations/<timestamp>-Baseline.ts`, whose `up` runs the model's exact DDL with
 * `queryRunner.query` and whose `down` drops it again. Time-function defaults take TypeORM's spelling
 * (translate/align-defaults.ts), so TypeORM's generator agrees with the database afterwards.
 */
import type { SchemaModel } from '@dbm/core';
import { baselineDrops, baselineHeader, baselineStatements } from '../translate/baseline-sql.js';
import type { RenderContext, TargetRender, TranslateTarget } from '../translate/types.js';
import { TypeOrmLedger } from './ledger.js';
import { writeTypeOrmEntities } from './model-write.js';
import { alignDefaults } from '../translate/align-defaults.js';
import { typeormTimeSpelling } from './translate-defaults.js';

const SRC = 'src';
const MIGRATIONS = `${SRC}/migrations`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    strictPropertyInitialization: false,
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    skipLibCheck: true,
    noEmit: true,
  },
  include: [SRC],
};

/** The migration class, laid out as TypeORM's migration:generate lays one out. */
function migrationClass(className: string, header: readonly string[], up: readonly string[], down: readonly string[], left: readonly string[]): string {
  const call = (sql: string) => `        await queryRunner.query(${JSON.stringify(sql)});`;
  return [
    ...header.map((l) => `// ${l}`.trimEnd()),
    'import { MigrationInterface, QueryRunner } from "typeorm";',
    '',
    `export class ${className} implements MigrationInterface {`,
    `    name = '${className}'`,
    '',
    '    public async up(queryRunner: QueryRunner): Promise<void> {',
    ...up.map(call),
    '    }',
    '',
    '    public async down(queryRunner: QueryRunner): Promise<void> {',
    ...left.map((l) => `        // not dropped (dbm cannot write its DROP): ${l}`),
    ...down.map(call),
    '    }',
    '',
    '}',
    '',
  ].join('\n');
}

/** Renders the TypeORM project of `model`. */
async function render(source: SchemaModel, ctx: RenderContext): Promise<TargetRender> {
  const spelled = await alignDefaults(source, 'TypeORM', typeormTimeSpelling);
  const model = spelled.model;
  const written = await writeTypeOrmEntities(model, { urlEnv: ctx.urlEnv });
  const warnings = [...spelled.warnings, ...written.warnings];
  const timestamp = ctx.now.getTime();
  const name = `Baseline${timestamp}`;
  const path = `${MIGRATIONS}/${timestamp}-Baseline.ts`;
  const drops = baselineDrops(model);
  const text = migrationClass(name, baselineHeader('TypeORM', warnings), await baselineStatements(model), drops.statements, drops.left);
  return {
    orm: 'typeorm',
    files: [
      ...written.files.map((f) => ({ path: `${SRC}/${f.path}`, text: f.text })),
      { path, text },
      { path: 'tsconfig.json', text: `${JSON.stringify(TSCONFIG, null, 2)}\n` },
    ],
    migrationsDir: MIGRATIONS,
    baseline: { name, path },
    warnings,
    align: spelled.align,
    record: { ledger: new TypeOrmLedger(), source: { name, checksum: '', order: 0, path, meta: { timestamp } } },
  };
}

/** TypeORM as a target of dbm translate. */
export const typeormTarget: TranslateTarget = { orm: 'typeorm', render };
