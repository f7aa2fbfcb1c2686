/**
 * A translated migration as a knex migration file: builder code where knex's schema builder says a statement
 * exactly (the knex generator's own translation), `knex.raw` with the SQL where it cannot, each such
 * statement named in a warning; `config = { transaction: false }` when the source ran outside a transaction;
 * a down that throws where it cannot undo a statement. The file is `<YYYYMMDDHHMMSS>_<name>.<ext>` in the
 * folder's module format.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { compilePostgres, type Operation } from '@dbm/core';
import { bodyLines } from '../../knex/body.js';
import { operationItems } from '../../knex/builder.js';
import { knexStamp } from '../../knex/file-name.js';
import { constraintKey, type BuildContext, type ConstraintKind, type Item } from '../../knex/item.js';
import { jsString } from '../../knex/js.js';
import { migrationStyle } from '../../knex/style.js';
import { migrationFile } from '../../knex/write.js';
import { headerLines } from './header.js';
import { snakeName } from './names.js';
import type { MigrationWriter } from './writer.js';
import type { TranslateMigrationWarning } from './types.js';

const KIND: Partial<Record<Operation['kind'], ConstraintKind>> = { addForeignKey: 'foreign', addCheck: 'check', addUnique: 'unique', addPrimaryKey: 'primary' };

/** The constraints the migration adds, so a down drops each with knex's method for its kind. */
function buildContext(ops: readonly Operation[]): BuildContext {
  const constraints = new Map<string, ConstraintKind>();
  for (const op of ops) {
    const kind = KIND[op.kind];
    if (kind && 'name' in op && typeof op.name === 'string' && 'table' in op) constraints.set(constraintKey(op.table, op.name), kind);
  }
  return { constraints };
}

const isRaw = (item: Item) => item.kind === 'statement' && item.code.startsWith('await knex.raw(');

/** The extension of the folder's newest migration, so a translation matches the files beside it. */
async function folderExtension(dir: string): Promise<string | undefined> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => /^\d{14}_.+\.(js|cjs|mjs|ts)$/.test(f)).sort();
  return files.length ? path.extname(files[files.length - 1]!).slice(1) : undefined;
}

/** Writes the knex form. */
export const writeKnex: MigrationWriter = async (plan, ctx) => {
  const { ext, style } = await migrationStyle(ctx.outDir, await folderExtension(ctx.outDir));
  const warnings: TranslateMigrationWarning[] = [];
  const build = buildContext(plan.up.flatMap((st) => st.ops));
  const items = (ops: readonly Operation[], direction: 'up' | 'down'): Item[] =>
    ops.flatMap((op) => {
      const out = operationItems(op, build);
      if (out.some(isRaw)) {
        const sql = compilePostgres(op);
        const what = op.kind === 'raw' ? op.statement : op.kind;
        warnings.push({ code: 'raw-sql', direction, sql, message: `knex's schema builder has no exact form for this statement (${what}): kept as knex.raw: ${sql}` });
      }
      return out;
    });
  const up = bodyLines(items(plan.up.flatMap((st) => st.ops), 'up'));
  const down = bodyLines(
    plan.down.flatMap((e): Item[] => (e.kind === 'statement' ? items(e.statement.ops, 'down') : [{ kind: 'statement', code: `throw new Error(${jsString(e.message)});` }])),
  );
  const name = `${knexStamp(ctx.time)}_${snakeName(ctx.name)}.${ext}`;
  const outside = plan.outsideTransaction[0]?.sql;
  const text = migrationFile(style, {
    header: headerLines(plan, [...plan.warnings, ...warnings]),
    ...(plan.transactional
      ? {}
      : { outsideTransaction: outside ? `"${outside.replace(/\s+/g, ' ')}" cannot run inside a transaction: knex runs this file without one` : 'the source ran outside a transaction: knex runs this file without one' }),
    up,
    down,
  });
  return { migration: name, files: [{ path: path.join(ctx.outDir, name), text }], warnings };
};
