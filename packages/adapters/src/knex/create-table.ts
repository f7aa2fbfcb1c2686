/** CREATE TABLE as knex's createTable: columns, keys and checks in one callback, as a knex user writes it. */
import type { OperationOf } from '@dbm/core';
import { checkCall, columnCode, columnsArg } from './column.js';
import type { Item } from './item.js';
import { jsObject } from './js.js';
import { constraintName, foreignKeyCall, plain } from './names.js';

/**
 * A one-column primary key written at table level (`PRIMARY KEY (id)`, as the catalogs describe it) moved
 * onto its column, so a serial key reads `t.bigIncrements('id')` as a knex user writes it.
 */
function withInlineKey(op: OperationOf<'createTable'>): OperationOf<'createTable'> {
  const pk = op.constraints.find((k) => k.type === 'primaryKey');
  const defaultName = constraintName(op.table, [], 'pkey');
  if (!pk || pk.columns.length !== 1 || (pk.name !== undefined && pk.name !== defaultName)) return op;
  const column = op.columns.find((c) => c.name === pk.columns[0]);
  if (!column || column.constraints.some((k) => k.type === 'primaryKey')) return op;
  return {
    ...op,
    columns: op.columns.map((c) => (c === column ? { ...c, constraints: [{ type: 'primaryKey' as const }, ...c.constraints] } : c)),
    constraints: op.constraints.filter((k) => k !== pk),
  };
}

/** The createTable item of a CREATE TABLE; undefined when knex cannot say it exactly. */
export function createTable(given: OperationOf<'createTable'>): Item[] | undefined {
  if (given.persistence !== 'permanent' || given.partitionBy || given.inherits || given.onCommit) return undefined;
  const op = withInlineKey(given);
  const lines: string[] = [];
  const extra: string[] = [];
  for (const c of op.columns) {
    const code = columnCode(op.table, c);
    if (!code) return undefined;
    lines.push(code.chain);
    extra.push(...code.extra);
  }
  for (const k of op.constraints) {
    if (k.type !== 'check' && !k.columns.every(plain)) return undefined;
    if (k.type === 'primaryKey') lines.push(`t.primary(${columnsArg(k.columns)}${k.name ? `, ${jsObject({ constraintName: k.name })}` : ''})`);
    else if (k.type === 'unique') {
      if (k.nullsNotDistinct) return undefined;
      lines.push(`t.unique(${columnsArg(k.columns)}, ${jsObject({ indexName: constraintName(op.table, k.columns, 'key', k.name) })})`);
    } else if (k.type === 'check') {
      if (k.noInherit) return undefined;
      extra.push(checkCall(k.expr, k.name));
    } else {
      const fk = foreignKeyCall(op.table, k.columns, k.target, k.name);
      if (!fk) return undefined;
      lines.push(fk);
    }
  }
  return [{ kind: 'table', method: op.ifNotExists ? 'createTableIfNotExists' : 'createTable', table: op.table, lines: [...lines, ...extra], group: 'keys' }];
}
