/** Index, DROP, enum, SET and transaction statements → operations. */
import * as ops from '../../operations/index.js';
import type { Operation } from '../../operations/operation.js';
import { as, field, list, qualified, rangeVar, sql, str, Unmodelled, type Body } from './ast.js';
import { ident } from './quote.js';

/** CREATE INDEX. */
export function createIndex(b: Body): Operation[] {
  if (list(b, 'options').length || b.tableSpace) throw new Unmodelled('index storage options');
  const rel = field(b.relation, 'RangeVar') ?? {};
  const elements = list(b, 'indexParams').map((p): ops.IndexElement => {
    const e = as(p, 'IndexElem');
    if (!e || e.indexcolname || list(e, 'opclassopts').length) throw new Unmodelled('index element');
    const order = e.ordering === 'SORTBY_DESC' ? 'desc' : e.ordering === 'SORTBY_ASC' ? 'asc' : undefined;
    const nulls =
      e.nulls_ordering === 'SORTBY_NULLS_FIRST' ? 'first' : e.nulls_ordering === 'SORTBY_NULLS_LAST' ? 'last' : undefined;
    const opclassParts = list(e, 'opclass').map(str);
    // the model writes a qualified opclass as schema.name, so a dot inside a part would be misread
    if (opclassParts.some((p) => p.includes('.'))) throw new Unmodelled('operator class name with a dot');
    const opclass = opclassParts.join('.');
    const collation = list(e, 'collation').map(str).map(ident).join('.');
    return {
      value: typeof e.name === 'string' ? e.name : sql(e.expr),
      expression: typeof e.name !== 'string',
      ...(order ? { order } : {}),
      ...(nulls ? { nulls } : {}),
      ...(opclass ? { opclass } : {}),
      ...(collation ? { collation } : {}),
    };
  });
  const include = list(b, 'indexIncludingParams').map((p) => {
    const e = as(p, 'IndexElem');
    if (!e || typeof e.name !== 'string') throw new Unmodelled('INCLUDE expression');
    return e.name;
  });
  const method = typeof b.accessMethod === 'string' && b.accessMethod !== 'btree' ? b.accessMethod : undefined;
  return [
    ops.createIndex({
      ...(typeof b.idxname === 'string' ? { name: b.idxname } : {}),
      table: rangeVar(rel),
      unique: b.unique === true,
      concurrently: b.concurrent === true,
      ifNotExists: b.if_not_exists === true,
      ...(method ? { method } : {}),
      elements,
      ...(include.length ? { include } : {}),
      ...(b.whereClause ? { where: sql(b.whereClause) } : {}),
      ...(b.nulls_not_distinct ? { nullsNotDistinct: true } : {}),
      ...(rel.inh !== true ? { only: true } : {}),
    }),
  ];
}

/** DROP TABLE / DROP INDEX, one operation per object; other DROPs are raw. */
export function drop(b: Body): Operation[] {
  const objects = list(b, 'objects').map((o) => qualified(list(as(o, 'List') ?? {}, 'items')));
  const ifExists = b.missing_ok === true;
  const cascade = b.behavior === 'DROP_CASCADE';
  if (b.removeType === 'OBJECT_TABLE') return objects.map((table) => ops.dropTable({ table, ifExists, cascade }));
  if (b.removeType === 'OBJECT_INDEX') {
    // PostgreSQL refuses DROP INDEX CONCURRENTLY of several indexes; one statement each would succeed
    if (b.concurrent === true && objects.length > 1) throw new Unmodelled('DROP INDEX CONCURRENTLY of several indexes');
    return objects.map((index) => ops.dropIndex({ index, concurrently: b.concurrent === true, ifExists, cascade }));
  }
  throw new Unmodelled(`DROP ${String(b.removeType)}`);
}

/** CREATE TYPE ... AS ENUM. */
export function createEnum(b: Body): Operation[] {
  return [ops.createEnum({ type: qualified(list(b, 'typeName')), values: list(b, 'vals').map(str) })];
}

/** ALTER TYPE ... ADD VALUE (RENAME VALUE stays raw). */
export function alterEnum(b: Body): Operation[] {
  if (b.oldVal !== undefined || typeof b.newVal !== 'string') throw new Unmodelled('ALTER TYPE RENAME VALUE');
  const neighbour = typeof b.newValNeighbor === 'string' ? b.newValNeighbor : undefined;
  return [
    ops.addEnumValue({
      type: qualified(list(b, 'typeName')),
      value: b.newVal,
      ifNotExists: b.skipIfNewValExists === true,
      ...(neighbour !== undefined ? (b.newValIsAfter === true ? { after: neighbour } : { before: neighbour }) : {}),
    }),
  ];
}

/** SET name = value, SET LOCAL, RESET name, SET name TO DEFAULT. */
export function variableSet(b: Body): Operation[] {
  const name = typeof b.name === 'string' ? b.name.toLowerCase() : undefined;
  if (!name) throw new Unmodelled('SET without a name');
  const local = b.is_local === true;
  switch (b.kind) {
    case 'VAR_SET_VALUE':
      // SET name = ... takes only literals; SET TIME ZONE INTERVAL '...' HOUR TO MINUTE has no such form
      if (!list(b, 'args').every((a) => as(a, 'A_Const'))) throw new Unmodelled('SET with a non-literal value');
      return [ops.setting({ name, value: list(b, 'args').map(sql).join(', '), local })];
    case 'VAR_SET_DEFAULT':
    case 'VAR_RESET':
      return [ops.setting({ name, local })];
    default:
      throw new Unmodelled(`SET ${String(b.kind)}`);
  }
}

/** BEGIN / START TRANSACTION / COMMIT / END / ROLLBACK; savepoints and options stay raw. */
export function transaction(b: Body): Operation[] {
  if (list(b, 'options').length || b.chain) throw new Unmodelled('transaction options');
  switch (b.kind) {
    case 'TRANS_STMT_BEGIN':
    case 'TRANS_STMT_START':
      return [ops.transaction({ action: 'begin' })];
    case 'TRANS_STMT_COMMIT':
      return [ops.transaction({ action: 'commit' })];
    case 'TRANS_STMT_ROLLBACK':
      return [ops.transaction({ action: 'rollback' })];
    default:
      throw new Unmodelled(`transaction ${String(b.kind)}`);
  }
}
