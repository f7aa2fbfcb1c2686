/**
 * Test helper: one fully populated operation of every kind, built with the factories. Typed as a
 * Record over the kinds, so a new kind fails to compile here until it has a sample.
 */
import * as model from './index.js';
import type { OperationKind, OperationOf } from './operation.js';

const orders = { schema: 'shop', name: 'orders' };
const users = { name: 'users' };

const column: model.ColumnDef = {
  name: 'total',
  type: { name: 'numeric', schema: 'pg_catalog', modifiers: ['12', '2'], arrayDims: 0, sql: 'numeric(12, 2)' },
  notNull: true,
  default: '0',
  collation: '"C"',
  constraints: [
    { type: 'check', name: 'total_positive', expr: 'total >= 0', noInherit: true },
    { type: 'references', target: { table: users, columns: ['id'], onDelete: 'cascade', match: 'full', deferrable: 'deferred' } },
    { type: 'unique', nullsNotDistinct: true },
    { type: 'primaryKey', name: 'orders_pk' },
  ],
};

const loc = { offset: 10, length: 20, line: 2, column: 1 };

/** One sample per kind, with every optional field set. */
export const SAMPLES: { readonly [K in OperationKind]: OperationOf<K> } = {
  addCheck: model.addCheck({ table: orders, name: 'c', expr: 'total > 0', notValid: true, noInherit: false, loc }),
  addColumn: model.addColumn({ table: orders, column: { ...column, identity: 'by default', identityOptions: 'START WITH 10' }, ifNotExists: true }),
  addEnumValue: model.addEnumValue({ type: { schema: 'shop', name: 'state' }, value: 'lost', ifNotExists: true, after: 'shipped' }),
  addForeignKey: model.addForeignKey({
    table: orders,
    name: 'orders_user_fk',
    columns: ['user_id'],
    target: { table: users, columns: ['id'], onDelete: 'set null', onUpdate: 'restrict' },
    notValid: true,
  }),
  addPrimaryKey: model.addPrimaryKey({ table: orders, name: 'orders_pkey', columns: [], usingIndex: 'orders_id_idx' }),
  addUnique: model.addUnique({ table: orders, name: 'u', columns: ['a', 'b'], nullsNotDistinct: true, deferrable: 'immediate' }),
  alterColumnType: model.alterColumnType({
    table: orders,
    column: 'total',
    type: { name: 'int8', schema: 'pg_catalog', modifiers: [], arrayDims: 1, sql: 'bigint[]' },
    using: 'ARRAY[total::bigint]',
    collation: '"pg_catalog"."default"',
  }),
  createEnum: model.createEnum({ type: { name: 'state' }, values: ['new', 'paid', "it's"] }),
  createIndex: model.createIndex({
    name: 'orders_total_idx',
    table: orders,
    unique: true,
    concurrently: true,
    ifNotExists: true,
    method: 'gin',
    elements: [
      { value: 'lower(note)', expression: true, order: 'desc', nulls: 'last', opclass: 'gin_trgm_ops', collation: '"C"' },
      { value: 'total', expression: false },
    ],
    include: ['user_id'],
    where: 'total > 0',
    nullsNotDistinct: true,
    only: true,
  }),
  createTable: model.createTable({
    table: orders,
    columns: [column, { name: 'gen', type: column.type, notNull: false, generated: 'total * 2', constraints: [] }],
    constraints: [
      { type: 'primaryKey', name: 'pk', columns: ['id'] },
      { type: 'unique', columns: ['a'], nullsNotDistinct: true },
      { type: 'check', expr: 'a > 0', noInherit: true },
      { type: 'foreignKey', columns: ['user_id'], target: { table: users, columns: [] } },
    ],
    ifNotExists: true,
    persistence: 'temporary',
    partitionBy: 'RANGE (created_at)',
    inherits: [users],
    onCommit: 'delete rows',
  }),
  dropColumn: model.dropColumn({ table: orders, column: 'note', ifExists: true, cascade: true }),
  dropConstraint: model.dropConstraint({ table: orders, name: 'c', ifExists: true, cascade: false }),
  dropDefault: model.dropDefault({ table: orders, column: 'total' }),
  dropIndex: model.dropIndex({ index: { schema: 'shop', name: 'i' }, concurrently: true, ifExists: true, cascade: false }),
  dropNotNull: model.dropNotNull({ table: orders, column: 'total' }),
  dropTable: model.dropTable({ table: orders, ifExists: true, cascade: true }),
  raw: model.raw({ sql: 'VACUUM orders', statement: 'VacuumStmt', ast: { VacuumStmt: { is_vacuumcmd: true } } }),
  renameColumn: model.renameColumn({ table: orders, column: 'total', to: 'amount' }),
  renameTable: model.renameTable({ table: orders, to: 'purchases', ifExists: true }),
  setDefault: model.setDefault({ table: orders, column: 'total', expr: "(now() AT TIME ZONE 'utc')" }),
  setNotNull: model.setNotNull({ table: orders, column: 'total' }),
  setting: model.setting({ name: 'lock_timeout', value: "'2s'", local: true }),
  transaction: model.transaction({ action: 'begin' }),
  validateConstraint: model.validateConstraint({ table: orders, name: 'c' }),
};
