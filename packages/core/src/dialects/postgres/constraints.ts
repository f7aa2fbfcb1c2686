/** Parser Constraint nodes → the model's constraint shapes. */
import type {
  ForeignKeyTarget,
  InlineConstraint,
  ReferentialAction,
  TableConstraint,
} from '../../operations/common.js';
import { as, list, names, rangeVar, sql, Unmodelled, type Body } from './ast.js';

const ACTIONS: Record<string, ReferentialAction | undefined> = {
  a: undefined, // NO ACTION is the default; leaving it out keeps round trips stable
  r: 'restrict',
  c: 'cascade',
  n: 'set null',
  d: 'set default',
};

/** The body of a Constraint node. */
export function constraintBody(node: unknown): Body {
  const b = as(node, 'Constraint');
  if (!b) throw new Unmodelled('expected a constraint');
  return b;
}

/** The optional name of a constraint. */
export function conName(b: Body): { name?: string } {
  return typeof b.conname === 'string' ? { name: b.conname } : {};
}

function action(code: unknown): ReferentialAction | undefined {
  if (code === undefined) return undefined;
  if (!(String(code) in ACTIONS)) throw new Unmodelled(`referential action ${String(code)}`);
  return ACTIONS[String(code)];
}

function deferrable(b: Body): { deferrable?: 'immediate' | 'deferred' } {
  if (!b.deferrable) return {};
  return { deferrable: b.initdeferred ? 'deferred' : 'immediate' };
}

/** Refuses index options the model does not carry (INCLUDE, WITH, USING INDEX TABLESPACE, USING INDEX). */
function plainIndexOptions(b: Body): void {
  if (list(b, 'including').length || list(b, 'options').length || b.indexspace || b.indexname !== undefined) {
    throw new Unmodelled('constraint index options');
  }
}

/**
 * Refuses constraint clauses the model has no field for: PostgreSQL 18's temporal keys (WITHOUT
 * OVERLAPS, PERIOD) and NOT ENFORCED. The parser marks enforced CHECK and FOREIGN KEY constraints
 * with `is_enforced` and omits it under NOT ENFORCED, which also sets `skip_validation` — without
 * this check NOT ENFORCED would read as NOT VALID.
 */
export function plainConstraint(b: Body): void {
  if (b.without_overlaps || b.fk_with_period || b.pk_with_period) throw new Unmodelled('temporal constraint');
  if ((b.contype === 'CONSTR_CHECK' || b.contype === 'CONSTR_FOREIGN') && b.is_enforced !== true) {
    throw new Unmodelled('NOT ENFORCED');
  }
}

/** The REFERENCES part of a foreign key constraint. */
export function foreignKeyTarget(b: Body): ForeignKeyTarget {
  if (list(b, 'fk_del_set_cols').length) throw new Unmodelled('ON DELETE SET NULL (columns)');
  const onDelete = action(b.fk_del_action);
  const onUpdate = action(b.fk_upd_action);
  const match = b.fk_matchtype === 'f' ? 'full' : b.fk_matchtype === 'p' ? 'partial' : undefined;
  return {
    table: rangeVar(b.pktable),
    columns: names(list(b, 'pk_attrs')),
    ...(onDelete ? { onDelete } : {}),
    ...(onUpdate ? { onUpdate } : {}),
    ...(match ? { match } : {}),
    ...deferrable(b),
  };
}

/** Whether a constraint was written NOT VALID. */
export function notValid(b: Body): boolean {
  return b.skip_validation === true;
}

/** A constraint written on a column; undefined for the ones folded into the column itself. */
export function inlineConstraint(b: Body): InlineConstraint | undefined {
  plainConstraint(b);
  switch (b.contype) {
    case 'CONSTR_PRIMARY':
      plainIndexOptions(b);
      return { type: 'primaryKey', ...conName(b) };
    case 'CONSTR_UNIQUE':
      plainIndexOptions(b);
      if (b.deferrable) throw new Unmodelled('deferrable unique');
      return { type: 'unique', ...conName(b), ...(b.nulls_not_distinct ? { nullsNotDistinct: true } : {}) };
    case 'CONSTR_CHECK':
      return {
        type: 'check',
        ...conName(b),
        expr: sql(b.raw_expr),
        ...(notValid(b) ? { notValid: true } : {}),
        ...(b.is_no_inherit ? { noInherit: true } : {}),
      };
    case 'CONSTR_FOREIGN':
      return { type: 'references', ...conName(b), target: foreignKeyTarget(b), ...(notValid(b) ? { notValid: true } : {}) };
    default:
      throw new Unmodelled(`column constraint ${String(b.contype)}`);
  }
}

/** A table-level constraint inside CREATE TABLE. */
export function tableConstraint(b: Body): TableConstraint {
  const keys = () => names(list(b, 'keys'));
  plainConstraint(b);
  switch (b.contype) {
    case 'CONSTR_PRIMARY':
      plainIndexOptions(b);
      if (b.deferrable) throw new Unmodelled('deferrable primary key');
      return { type: 'primaryKey', ...conName(b), columns: keys() };
    case 'CONSTR_UNIQUE':
      plainIndexOptions(b);
      if (b.deferrable) throw new Unmodelled('deferrable unique');
      return { type: 'unique', ...conName(b), columns: keys(), ...(b.nulls_not_distinct ? { nullsNotDistinct: true } : {}) };
    case 'CONSTR_CHECK':
      if (notValid(b)) throw new Unmodelled('NOT VALID in CREATE TABLE');
      return { type: 'check', ...conName(b), expr: sql(b.raw_expr), ...(b.is_no_inherit ? { noInherit: true } : {}) };
    case 'CONSTR_FOREIGN':
      // the table-level shape has no notValid: the model only records NOT VALID on ALTER TABLE
      if (notValid(b)) throw new Unmodelled('NOT VALID in CREATE TABLE');
      return { type: 'foreignKey', ...conName(b), columns: names(list(b, 'fk_attrs')), target: foreignKeyTarget(b) };
    default:
      throw new Unmodelled(`table constraint ${String(b.contype)}`);
  }
}
