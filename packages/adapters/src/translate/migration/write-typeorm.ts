/**
 * A translated migration as a TypeORM migration class, in TypeORM's own template (`<timestamp>-<Name>.ts`,
 * class `<Name><timestamp>`, each statement a `queryRunner.query`): TypeORM migrations are SQL, so every
 * statement keeps its exact text. `transaction = false` when the source ran outside a transaction. The file
 * is JavaScript when the folder's migrations are.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { moduleFormat } from '../../code/module-format.js';
import { writeClass, type ClassFormat } from '../../typeorm/write.js';
import { headerLines } from './header.js';
import { pascalName } from './names.js';
import { downStatements } from './sql-script.js';
import type { MigrationWriter } from './writer.js';

/** TypeScript, unless the folder holds JavaScript migrations and no TypeScript ones. */
async function classFormat(dir: string): Promise<ClassFormat> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => /^\d{13}-/.test(f));
  if (!files.length || files.some((f) => /\.m?ts$/.test(f)) || !files.some((f) => f.endsWith('.js'))) return 'ts';
  return (await moduleFormat(path.join(dir, 'new.js'))) === 'module' ? 'js-esm' : 'js-cjs';
}

/** Writes the TypeORM form. */
export const writeTypeOrm: MigrationWriter = async (plan, ctx) => {
  const format = await classFormat(ctx.outDir);
  const baseName = pascalName(ctx.name);
  const extra = plan.transactional ? [] : [
        "Runs outside a transaction (transaction = false): with TypeORM's own CLI, use migration:run --transaction each,",
        'and migration:revert --transaction none (TypeORM reverts in a transaction whatever the class says).',
      ];
  const file = writeClass(
    {
      baseName,
      timestamp: ctx.time.getTime(),
      fileBase: baseName,
      transactional: plan.transactional,
      comment: headerLines(plan, plan.warnings, extra),
      up: plan.up.map((st) => st.sql),
      down: downStatements(plan.down).map((st) => st.sql),
      emptyDown: 'nothing to undo',
    },
    format,
  );
  return { migration: file.name, files: [{ path: path.join(ctx.outDir, file.fileName), text: file.text }], warnings: [] };
};
