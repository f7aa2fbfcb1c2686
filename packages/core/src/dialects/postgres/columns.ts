/** Parser ColumnDef nodes → the model's ColumnDef. */
import type { ColumnDef, InlineConstraint } from '../../operations/common.js';
import { as, list, names, sql, Unmodelled, type Body } from './ast.js';
import { constraintBody, inlineConstraint } from './constraints.js';
import { columnType } from './types.js';

/** Converts a ColumnDef node (CREATE TABLE element or ADD COLUMN definition). */
export function columnDef(node: unknown): ColumnDef {
  const b = as(node, 'ColumnDef');
  if (!b) throw new Unmodelled('expected a column definition');
  if (b.storage_name || b.compression || b.fdwoptions) throw new Unmodelled('column storage options');
  let notNull = false;
  let def: string | undefined = b.raw_default ? sql(b.raw_default) : undefined;
  let identity: ColumnDef['identity'];
  let generated: string | undefined;
  const constraints: InlineConstraint[] = [];
  for (const node of list(b, 'constraints')) {
    const c: Body = constraintBody(node);
    switch (c.contype) {
      case 'CONSTR_NOTNULL':
        notNull = true;
        break;
      case 'CONSTR_NULL':
        break;
      case 'CONSTR_DEFAULT':
        def = sql(c.raw_expr);
        break;
      case 'CONSTR_IDENTITY':
        if (list(c, 'options').length) throw new Unmodelled('identity sequence options');
        identity = c.generated_when === 'a' ? 'always' : 'by default';
        break;
      case 'CONSTR_GENERATED':
        if (c.generated_kind === 'v') throw new Unmodelled('virtual generated column');
        generated = sql(c.raw_expr);
        break;
      case 'CONSTR_ATTR_DEFERRABLE':
      case 'CONSTR_ATTR_NOT_DEFERRABLE':
      case 'CONSTR_ATTR_DEFERRED':
      case 'CONSTR_ATTR_IMMEDIATE':
        throw new Unmodelled('constraint timing on a column');
      default: {
        const inline = inlineConstraint(c);
        if (inline) constraints.push(inline);
      }
    }
  }
  const coll = as(b.collClause, 'CollateClause');
  return {
    name: String(b.colname),
    type: columnType(b.typeName),
    notNull,
    ...(def !== undefined ? { default: def } : {}),
    ...(identity ? { identity } : {}),
    ...(generated !== undefined ? { generated } : {}),
    ...(coll ? { collation: names(list(coll, 'collname')).join('.') } : {}),
    constraints,
  };
}
