/**
 * The per-kind rewrite table: one handler per operation kind (an exhaustive Visitor, so a new kind
 * fails to compile until the planner handles it). Each returns the pieces the operation becomes.
 */
import type { QualifiedName } from '../operations/common.js';
import * as ops from '../operations/index.js';
import type { Visitor } from '../operations/visit.js';
import { show } from '../rules/helpers.js';
import { rewriteAddColumn } from './add-column.js';
import { asWritten, withNote } from './as-written.js';
import { notNullCheckName } from './name-registry.js';
import * as notes from './notes.js';
import { setNotNullViaCheck } from './patterns.js';
import { kept, modeOf, type Draft } from './piece.js';
import { rawMode } from './raw-mode.js';
import { registerCreateTable } from './register.js';
import { ACK, type RewriteContext } from './rewrite-context.js';
import { indexBacked, notValidThenValidate } from './rewrite-constraints.js';

type Ctx = RewriteContext;

const indexKey = (n: QualifiedName) => `${n.schema ?? 'public'}.${n.name}`;

/** One handler per operation kind. */
export const rewriter: Visitor<Draft[], Ctx> = {
  createTable: (op, ctx) => {
    registerCreateTable(ctx.names, op);
    const mode = modeOf(ctx.file, ctx.at);
    return [kept(op, mode, `creates ${show(op.table)}`)];
  },
  dropTable: (op, ctx) => (ctx.existing(op.table) ? withNote(op, ctx, notes.dropTableNote(op.table)) : asWritten(op, ctx)),
  renameTable: (op, ctx) => {
    ctx.names.addRelation(op.table.schema, op.to);
    return ctx.existing(op.table) ? withNote(op, ctx, notes.renameTableNote(op.table, op.to)) : asWritten(op, ctx);
  },
  addColumn: (op, ctx) => rewriteAddColumn(op, ctx),
  dropColumn: (op, ctx) =>
    ctx.existing(op.table) ? withNote(op, ctx, notes.dropColumnNote(op.table, op.column)) : asWritten(op, ctx),
  renameColumn: (op, ctx) =>
    ctx.existing(op.table) ? withNote(op, ctx, notes.renameColumnNote(op.table, op.column, op.to)) : asWritten(op, ctx),
  alterColumnType: (op, ctx) =>
    ctx.existing(op.table) ? withNote(op, ctx, notes.alterTypeNote(op.table, op.column, op.type.sql)) : asWritten(op, ctx),
  setNotNull: (op, ctx) => {
    if (!ctx.existing(op.table) || ctx.acknowledged(ACK.setNotNull)) return asWritten(op, ctx);
    if (ctx.pgVersion < 12) return withNote(op, ctx, notes.oldSetNotNullNote(op.table, op.column, ctx.pgVersion));
    const tmp = notNullCheckName(ctx.names, op.table, op.column);
    ctx.change(`SET NOT NULL on ${op.column} goes through the validated check ${tmp} (no scan under ACCESS EXCLUSIVE), dropped afterwards`);
    return setNotNullViaCheck(op.table, op.column, tmp);
  },
  dropNotNull: asWritten,
  setDefault: asWritten,
  dropDefault: asWritten,
  createIndex: (op, ctx) => {
    if (op.name !== undefined) ctx.names.addRelation(op.table.schema, op.name);
    if (op.concurrently) return [kept(op, 'nontx', 'CONCURRENTLY, as written')];
    if (!ctx.existing(op.table)) {
      if (op.name !== undefined) ctx.newIndexes.add(indexKey({ ...(op.table.schema ? { schema: op.table.schema } : {}), name: op.name }));
      return asWritten(op, ctx);
    }
    if (op.only || ctx.acknowledged(ACK.createIndex)) return [kept(op, 'alone', `SHARE on ${show(op.table)}: its own short transaction`)];
    ctx.change(`CREATE INDEX${op.name ? ` ${op.name}` : ''} runs CONCURRENTLY, outside a transaction: writes go on during the build`);
    return [{ mode: 'nontx', ops: [ops.createIndex({ ...op, concurrently: true })], comment: `build the index on ${show(op.table)} without blocking writes` }];
  },
  dropIndex: (op, ctx) => {
    ctx.names.dropRelation(op.index.schema, op.index.name);
    if (op.concurrently) return [kept(op, 'nontx', 'CONCURRENTLY, as written')];
    if (ctx.newIndexes.has(indexKey(op.index))) return [kept(op, 'group', 'an index this migration built on a table it creates')];
    if (op.cascade) return withNote(op, ctx, notes.dropIndexCascadeNote(op.index));
    if (ctx.acknowledged(ACK.dropIndex)) return asWritten(op, ctx);
    ctx.change(`DROP INDEX ${op.index.name} runs CONCURRENTLY, outside a transaction: no ACCESS EXCLUSIVE on its table`);
    return [{ mode: 'nontx', ops: [ops.dropIndex({ ...op, concurrently: true })], comment: `drop ${op.index.name} without blocking reads or writes` }];
  },
  addForeignKey: notValidThenValidate,
  addCheck: notValidThenValidate,
  addUnique: indexBacked,
  addPrimaryKey: indexBacked,
  dropConstraint: (op, ctx) => {
    ctx.names.dropConstraint(op.table, op.name);
    return asWritten(op, ctx);
  },
  validateConstraint: asWritten,
  createEnum: asWritten,
  addEnumValue: (op, ctx) =>
    ctx.pgVersion >= 12
      ? [kept(op, 'alone', 'a new enum value cannot be used in the transaction that adds it: its own transaction')]
      : [kept(op, 'nontx', 'ALTER TYPE ... ADD VALUE cannot run in a transaction before PostgreSQL 12')],
  setting: (op, ctx) => {
    if (op.name !== 'lock_timeout' && op.name !== 'statement_timeout') return asWritten(op, ctx);
    ctx.setTimeout(op.name, op.value);
    ctx.change(`${op.value === undefined ? `reset of ${op.name}` : `SET ${op.name} = ${op.value}`} applies to every later step (each step sets its timeouts first)`);
    return [];
  },
  transaction: (op, ctx) => {
    if (op.action === 'rollback') ctx.note(notes.transactionControlNote('ROLLBACK'));
    ctx.change(`${op.action.toUpperCase()} dropped: dbm decides the transaction boundaries`);
    return [];
  },
  raw: (op, ctx) => {
    ctx.unmodelled(op.sql);
    if (op.statement === 'TransactionStmt') ctx.note(notes.transactionControlNote(op.sql));
    const mode = rawMode(op);
    return [kept(op, mode, mode === 'nontx' ? 'cannot run in a transaction, kept as written' : 'not modelled by dbm: kept as written, in its own transaction')];
  },
};
