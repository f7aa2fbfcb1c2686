/**
 * Records the names a statement the planner keeps as written will use, so that a later unnamed
 * constraint dbm names gets PostgreSQL's numeric suffix when it would clash with them.
 */
import type { ColumnDef, QualifiedName } from '../operations/common.js';
import type { CreateTable } from '../operations/create-table.js';
import { referencedColumns } from './expressions.js';
import { checkName, foreignKeyName, primaryKeyName, uniqueName, type NameRegistry } from './name-registry.js';

/** The names of one column's inline constraints. */
export function registerColumn(names: NameRegistry, table: QualifiedName, column: ColumnDef): void {
  for (const c of column.constraints) {
    if (c.name !== undefined) {
      names.addConstraint(table, c.name);
      if (c.type === 'unique' || c.type === 'primaryKey') names.addRelation(table.schema, c.name);
      continue;
    }
    if (c.type === 'check') checkName(names, table, referencedColumns(c.expr));
    else if (c.type === 'unique') uniqueName(names, table, [column.name]);
    else if (c.type === 'primaryKey') primaryKeyName(names, table);
    else foreignKeyName(names, table, [column.name]);
  }
}

/** The table's own name and the names of all its constraints. */
export function registerCreateTable(names: NameRegistry, op: CreateTable): void {
  names.addRelation(op.table.schema, op.table.name);
  for (const column of op.columns) registerColumn(names, op.table, column);
  for (const c of op.constraints) {
    if (c.name !== undefined) {
      names.addConstraint(op.table, c.name);
      if (c.type === 'unique' || c.type === 'primaryKey') names.addRelation(op.table.schema, c.name);
      continue;
    }
    if (c.type === 'check') checkName(names, op.table, referencedColumns(c.expr));
    else if (c.type === 'unique') uniqueName(names, op.table, c.columns);
    else if (c.type === 'primaryKey') primaryKeyName(names, op.table);
    else foreignKeyName(names, op.table, c.columns);
  }
}
