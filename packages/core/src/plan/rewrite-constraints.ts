/**
 * Constraint rewrites: a foreign key or check on an existing table is added NOT VALID and validated in
 * a later transaction; a unique or primary key is built as a concurrent unique index, then attached.
 * Unnamed constraints get the name PostgreSQL would have given them.
 */
import * as ops from '../operations/index.js';
import { asWritten } from './as-written.js';
import { referencedColumns } from './expressions.js';
import { checkName, foreignKeyName, notNullCheckName, primaryKeyName, uniqueName } from './name-registry.js';
import { primaryKeyViaIndex, uniqueViaIndex, validateLater } from './patterns.js';
import type { Draft } from './piece.js';
import { ACK, type RewriteContext } from './rewrite-context.js';

type Ctx = RewriteContext;

/** Registers (or predicts) the name of a constraint the planner keeps as written. */
function register(op: ops.AddForeignKey | ops.AddCheck | ops.AddUnique | ops.AddPrimaryKey, ctx: Ctx): void {
  const { names } = ctx;
  const name = op.name ?? (op.kind === 'addUnique' || op.kind === 'addPrimaryKey' ? op.usingIndex : undefined);
  if (name !== undefined) {
    names.addConstraint(op.table, name);
    if (op.kind === 'addUnique' || op.kind === 'addPrimaryKey') names.addRelation(op.table.schema, name);
    return;
  }
  if (op.kind === 'addForeignKey') foreignKeyName(names, op.table, op.columns);
  else if (op.kind === 'addCheck') checkName(names, op.table, referencedColumns(op.expr));
  else if (op.kind === 'addUnique') uniqueName(names, op.table, op.columns);
  else primaryKeyName(names, op.table);
}

/** Whether a constraint on an existing table should be split into NOT VALID + VALIDATE. */
function splitsValidation(op: ops.AddForeignKey | ops.AddCheck, ctx: Ctx): boolean {
  return ctx.existing(op.table) && !op.notValid && !ctx.acknowledged(ACK.notValid);
}

/** ADD FOREIGN KEY / ADD CHECK. */
export function notValidThenValidate(op: ops.AddForeignKey | ops.AddCheck, ctx: Ctx): Draft[] {
  if (!splitsValidation(op, ctx)) {
    register(op, ctx);
    return asWritten(op, ctx);
  }
  const what = op.kind === 'addForeignKey' ? 'foreign key' : 'check';
  let name = op.name;
  if (name === undefined) {
    name = op.kind === 'addForeignKey' ? foreignKeyName(ctx.names, op.table, op.columns) : checkName(ctx.names, op.table, referencedColumns(op.expr));
    ctx.change(`the unnamed ${what} is named ${name}, the name PostgreSQL would give it`);
  } else ctx.names.addConstraint(op.table, name);
  ctx.change(`${what} ${name} is added NOT VALID, then validated in a separate transaction`);
  return validateLater({ ...op, name });
}

/** ADD UNIQUE / ADD PRIMARY KEY. */
export function indexBacked(op: ops.AddUnique | ops.AddPrimaryKey, ctx: Ctx): Draft[] {
  if (op.usingIndex !== undefined || !ctx.existing(op.table) || ctx.acknowledged(op.kind === 'addUnique' ? ACK.unique : ACK.primaryKey)) {
    register(op, ctx);
    return asWritten(op, ctx);
  }
  const unique = op.kind === 'addUnique';
  const name = op.name ?? (unique ? uniqueName(ctx.names, op.table, op.columns) : primaryKeyName(ctx.names, op.table));
  if (op.name !== undefined) {
    ctx.names.addConstraint(op.table, name);
    ctx.names.addRelation(op.table.schema, name);
  } else ctx.change(`the unnamed ${unique ? 'unique constraint' : 'primary key'} is named ${name}, the name PostgreSQL would give it`);
  ctx.change(`${unique ? 'UNIQUE' : 'PRIMARY KEY'} ${name} is built as a concurrent unique index, then attached with USING INDEX`);
  if (op.kind === 'addUnique') {
    return uniqueViaIndex(op.table, name, op.columns, {
      ...(op.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
      ...(op.deferrable ? { deferrable: op.deferrable } : {}),
    });
  }
  const tmps = ctx.pgVersion >= 12 ? op.columns.map((c) => notNullCheckName(ctx.names, op.table, c)) : [];
  return primaryKeyViaIndex(op.table, name, op.columns, tmps);
}

