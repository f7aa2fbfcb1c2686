/** Parser ColumnDef nodes → the model's ColumnDef. */
import type { ColumnDef, InlineConstraint } from '../../operations/common.js';
import { as, deparse, field, list, names, sql, unwrap, Unmodelled, verified, type Body } from './ast.js';
import { constraintBody, inlineConstraint } from './constraints.js';
import { ident } from './quote.js';
import { columnType } from './types.js';

/** A COLLATE clause's name as SQL text, every part quoted: `"en_US.utf8"`, `"pg_catalog"."default"`. */
export function collationSql(clause: unknown): string | undefined {
  const c = field(clause, 'CollateClause');
  if (!c) return undefined;
  if (c.arg) throw new Unmodelled('COLLATE on an expression');
  return names(list(c, 'collname')).map(ident).join('.');
}

/**
 * Node types whose deparsed text can follow DEFAULT as it is. DEFAULT takes PostgreSQL's restricted
 * expression grammar (b_expr): `DEFAULT now() AT TIME ZONE 'utc'` or `DEFAULT a IS NULL` do not parse
 * unparenthesised, so every other expression is written inside parentheses.
 */
const PLAIN_DEFAULT = new Set([
  'A_Const',
  'TypeCast',
  'SQLValueFunction',
  'A_ArrayExpr',
  'CoalesceExpr',
  'MinMaxExpr',
  'CaseExpr',
  'ParamRef',
  'ColumnRef',
]);

/** A default expression as SQL text that is valid right after DEFAULT in a column definition. */
export function defaultSql(expr: unknown): string {
  const [type, body] = unwrap(expr);
  const text = sql(expr);
  // SQL-syntax calls (AT TIME ZONE, IS NORMALIZED, ...) are FuncCalls that b_expr does not accept
  const plain = PLAIN_DEFAULT.has(type) || (type === 'FuncCall' && body.funcformat !== 'COERCE_SQL_SYNTAX');
  return plain ? text : `(${text})`;
}

/** The sequence options of an identity column as SQL text (inside the parentheses), if any. */
function identityOptions(c: Body): string | undefined {
  if (!list(c, 'options').length) return undefined;
  const m = /AS IDENTITY \((.*)\)$/s.exec(deparse({ Constraint: c }));
  if (!m) throw new Unmodelled('identity sequence options');
  const probe = `CREATE TABLE x (c int GENERATED ALWAYS AS IDENTITY (${m[1]}))`;
  const column = (s: Body) => as(list(as(s, 'CreateStmt') ?? {}, 'tableElts')[0], 'ColumnDef') ?? {};
  return verified(m[1]!, probe, (s) => constraintBody(list(column(s), 'constraints')[0]).options, c.options);
}

/** Constraint kinds whose name PostgreSQL keeps; a name on any other would be lost by the model. */
const NAMED_KINDS = new Set(['CONSTR_PRIMARY', 'CONSTR_UNIQUE', 'CONSTR_CHECK', 'CONSTR_FOREIGN']);

/** Converts a ColumnDef node (CREATE TABLE element or ADD COLUMN definition). */
export function columnDef(node: unknown): ColumnDef {
  const b = as(node, 'ColumnDef');
  if (!b) throw new Unmodelled('expected a column definition');
  if (b.storage_name || b.compression || b.fdwoptions) throw new Unmodelled('column storage options');
  let notNull = false;
  let def: string | undefined = b.raw_default ? defaultSql(b.raw_default) : undefined;
  let identity: ColumnDef['identity'];
  let identityOpts: string | undefined;
  let generated: string | undefined;
  const constraints: InlineConstraint[] = [];
  const seen = new Set<unknown>();
  for (const node of list(b, 'constraints')) {
    const c: Body = constraintBody(node);
    // PostgreSQL 18 keeps NOT NULL constraint names; the model has nowhere to put them
    if (c.conname !== undefined && !NAMED_KINDS.has(String(c.contype))) throw new Unmodelled('named column property');
    // PostgreSQL refuses two defaults, NULL with NOT NULL, a default with an identity...; one field each
    // in the model would turn that error into a valid statement
    if (!NAMED_KINDS.has(String(c.contype))) {
      const slot = c.contype === 'CONSTR_NULL' ? 'CONSTR_NOTNULL' : c.contype === 'CONSTR_NOTNULL' ? c.contype : 'value';
      if (seen.has(slot)) throw new Unmodelled('conflicting column properties');
      seen.add(slot);
    }
    switch (c.contype) {
      case 'CONSTR_NOTNULL':
        if (c.is_no_inherit || c.skip_validation) throw new Unmodelled('NOT NULL NO INHERIT / NOT VALID');
        notNull = true;
        break;
      case 'CONSTR_NULL':
        break;
      case 'CONSTR_DEFAULT':
        def = defaultSql(c.raw_expr);
        break;
      case 'CONSTR_IDENTITY':
        identity = c.generated_when === 'a' ? 'always' : 'by default';
        identityOpts = identityOptions(c);
        break;
      case 'CONSTR_GENERATED':
        if (c.generated_kind !== 's') throw new Unmodelled('virtual generated column');
        generated = sql(c.raw_expr);
        break;
      default: {
        const inline = inlineConstraint(c);
        if (inline) constraints.push(inline);
      }
    }
  }
  const collation = collationSql(b.collClause);
  return {
    name: String(b.colname),
    type: columnType(b.typeName),
    notNull,
    ...(def !== undefined ? { default: def } : {}),
    ...(identity ? { identity } : {}),
    ...(identityOpts !== undefined ? { identityOptions: identityOpts } : {}),
    ...(generated !== undefined ? { generated } : {}),
    ...(collation !== undefined ? { collation } : {}),
    constraints,
  };
}
