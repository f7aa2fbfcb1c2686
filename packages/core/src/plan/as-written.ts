/** Keeping an operation as written: in its own short transaction when it locks an existing table. */
import type * as ops from '../operations/index.js';
import { show } from '../rules/helpers.js';
import type { NoteText } from './notes.js';
import { kept, modeOf, type Draft } from './piece.js';
import type { RewriteContext } from './rewrite-context.js';

type Ctx = RewriteContext;

/** Keeps an operation as written, in its own transaction when it locks an existing table. */
export function asWritten(op: ops.Operation, ctx: Ctx): Draft[] {
  const mode = modeOf(ctx.file, ctx.at);
  const table = ctx.at.lock.table;
  const comment =
    mode === 'alone'
      ? `${ctx.at.lock.level}${table ? ` on ${show(table)}` : ''}: its own short transaction`
      : table && !ctx.existing(table)
        ? `on ${show(table)}, which this migration creates`
        : 'takes no lock others would wait for';
  return [kept(op, mode, comment)];
}

/** Keeps a hazard that has no automatic safe form, with its expand/contract note. */
export function withNote(op: ops.Operation, ctx: Ctx, note: NoteText): Draft[] {
  ctx.note(note);
  return asWritten(op, ctx);
}

