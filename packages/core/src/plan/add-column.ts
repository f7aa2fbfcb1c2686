/**
 * ADD COLUMN on an existing table: the plain column first, then its volatile default (SET DEFAULT and
 * a batched backfill), its NOT NULL (the CHECK pattern) and its inline constraints (NOT VALID +
 * VALIDATE, or a concurrent unique index), each named as PostgreSQL would have named it.
 */
import type { ColumnDef, InlineConstraint } from '../operations/common.js';
import * as ops from '../operations/index.js';
import { show } from '../rules/helpers.js';
import { isVolatileDefault, referencedColumns } from './expressions.js';
import { checkName, foreignKeyName, notNullCheckName, primaryKeyName, uniqueName } from './name-registry.js';
import { notNullWithoutDefaultNote, rewritingColumnNote } from './notes.js';
import { backfill, primaryKeyViaIndex, setNotNullViaCheck, uniqueViaIndex, validateLater } from './patterns.js';
import { kept, type Draft } from './piece.js';
import { registerColumn } from './register.js';
import { ACK, type RewriteContext } from './rewrite-context.js';

const SERIALS = new Set(['serial', 'bigserial', 'smallserial', 'serial2', 'serial4', 'serial8']);
const keep = (t: ops.QualifiedName) => `ACCESS EXCLUSIVE on ${show(t)}: its own short transaction`;

/** Why the column cannot be added without a rewrite, when dbm has no automatic split for it. */
function rewritesWithoutSplit(c: ColumnDef, pgVersion: number): string | undefined {
  if (c.identity) return 'an identity column';
  if (c.generated !== undefined) return 'a stored generated column';
  if (SERIALS.has(c.type.name)) return `a ${c.type.name} column`;
  if (c.default !== undefined && pgVersion < 11) return `a default, before PostgreSQL 11`;
  return undefined;
}

/** The rewrite of one ADD COLUMN. */
export function rewriteAddColumn(op: ops.AddColumn, ctx: RewriteContext): Draft[] {
  const { table, column: c } = op;
  if (!ctx.existing(table)) {
    registerColumn(ctx.names, table, c);
    return [kept(op, 'group', 'on a table this migration creates')];
  }
  const volatile = c.default !== undefined && isVolatileDefault(c.default);
  const why = rewritesWithoutSplit(c, ctx.pgVersion);
  const needsValue = (c.notNull || c.constraints.some((k) => k.type === 'primaryKey')) && c.default === undefined;
  if (why !== undefined || needsValue) {
    const note = why !== undefined ? rewritingColumnNote(table, c.name, why) : notNullWithoutDefaultNote(table, c.name);
    ctx.note(note);
    registerColumn(ctx.names, table, c);
    return [kept(op, 'alone', keep(table))];
  }
  const skipDefault = volatile && !op.ifNotExists && !ctx.acknowledged(ACK.volatileDefault);
  // IF NOT EXISTS skips the constraints too when the column exists: splitting them would not be equivalent
  const splitConstraints = c.constraints.length > 0 && !op.ifNotExists && !ctx.acknowledged(ACK.notValid);
  if (!skipDefault && !splitConstraints) {
    registerColumn(ctx.names, table, c);
    return [kept(op, 'alone', keep(table))];
  }
  const { default: def, notNull, constraints, ...rest } = c;
  const base: ColumnDef = {
    ...rest,
    notNull: skipDefault ? false : notNull,
    ...(def !== undefined && !skipDefault ? { default: def } : {}),
    constraints: splitConstraints ? [] : constraints,
  };
  const out: Draft[] = [
    {
      mode: 'alone',
      ops: [ops.addColumn({ ...op, column: base })],
      comment: `add ${c.name} alone${skipDefault ? ', without its volatile default,' : ''} so the table is not rewritten or scanned`,
    },
  ];
  if (skipDefault && def !== undefined) {
    ctx.change(`${c.name}: the volatile default ${def} is set after the column is added, and existing rows are backfilled in batches of ${ctx.batchSize}`);
    out.push(
      {
        mode: 'alone',
        ops: [ops.setDefault({ table, column: c.name, expr: def })],
        undo: [ops.dropDefault({ table, column: c.name })],
        comment: `new rows get the default ${def} from now on`,
      },
      backfill(table, c.name, ctx.batchSize),
    );
    if (notNull) {
      ctx.change(`${c.name}: NOT NULL is set after the backfill, through a validated CHECK`);
      out.push(
        ...(ctx.pgVersion >= 12
          ? setNotNullViaCheck(table, c.name, notNullCheckName(ctx.names, table, c.name))
          : [kept(ops.setNotNull({ table, column: c.name }), 'alone', 'SET NOT NULL after the backfill (scans under ACCESS EXCLUSIVE before PostgreSQL 12)')]),
      );
    }
  }
  if (splitConstraints) out.push(...inlineConstraints(c, op.table, ctx));
  return out;
}

/** The inline constraints in the order PostgreSQL processes them: checks, then indexes, then foreign keys. */
function inlineConstraints(c: ColumnDef, table: ops.QualifiedName, ctx: RewriteContext): Draft[] {
  const order = (k: InlineConstraint) => (k.type === 'check' ? 0 : k.type === 'references' ? 2 : 1);
  const sorted = [...c.constraints].sort((a, b) => order(a) - order(b));
  return sorted.flatMap((k): Draft[] => {
    switch (k.type) {
      case 'check': {
        const name = k.name ?? checkName(ctx.names, table, referencedColumns(k.expr));
        if (k.name !== undefined) ctx.names.addConstraint(table, name);
        const add = ops.addCheck({ table, name, expr: k.expr, notValid: k.notValid === true, noInherit: k.noInherit === true });
        ctx.change(`${c.name}: its CHECK is added separately as ${name}${k.notValid ? ' (NOT VALID, as written)' : ', NOT VALID then validated'}`);
        return k.notValid ? [{ mode: 'alone', ops: [add], comment: `add ${name} NOT VALID, as written` }] : validateLater({ ...add, name });
      }
      case 'references': {
        const name = k.name ?? foreignKeyName(ctx.names, table, [c.name]);
        if (k.name !== undefined) ctx.names.addConstraint(table, name);
        const add = ops.addForeignKey({ table, name, columns: [c.name], target: k.target, notValid: k.notValid === true });
        ctx.change(`${c.name}: its REFERENCES is added separately as ${name}${k.notValid ? ' (NOT VALID, as written)' : ', NOT VALID then validated'}`);
        return k.notValid ? [{ mode: 'alone', ops: [add], comment: `add ${name} NOT VALID, as written` }] : validateLater({ ...add, name });
      }
      case 'unique': {
        const name = k.name ?? uniqueName(ctx.names, table, [c.name]);
        if (k.name !== undefined) ctx.names.addConstraint(table, name);
        ctx.change(`${c.name}: its UNIQUE is built as a concurrent unique index, then attached as ${name}`);
        return uniqueViaIndex(table, name, [c.name], k.nullsNotDistinct ? { nullsNotDistinct: true } : {});
      }
      case 'primaryKey': {
        const name = k.name ?? primaryKeyName(ctx.names, table);
        if (k.name !== undefined) ctx.names.addConstraint(table, name);
        ctx.change(`${c.name}: its PRIMARY KEY is built as a concurrent unique index, then attached as ${name}`);
        const tmps = ctx.pgVersion >= 12 ? [notNullCheckName(ctx.names, table, c.name)] : [];
        return primaryKeyViaIndex(table, name, [c.name], tmps);
      }
    }
  });
}
