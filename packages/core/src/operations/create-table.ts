import { build, type OperationBase, type ColumnDef, type QualifiedName, type TableConstraint } from './common.js';

/** CREATE TABLE with its columns and table-level constraints. */
export interface CreateTable extends OperationBase {
  readonly kind: 'createTable';
  readonly table: QualifiedName;
  readonly columns: readonly ColumnDef[];
  readonly constraints: readonly TableConstraint[];
  readonly ifNotExists: boolean;
  readonly persistence: 'permanent' | 'unlogged' | 'temporary';
  /** PARTITION BY clause body as SQL text, e.g. "RANGE (created_at)". */
  readonly partitionBy?: string;
  readonly inherits?: readonly QualifiedName[];
  readonly onCommit?: 'drop' | 'delete rows' | 'preserve rows';
}

/** Builds a frozen {@link CreateTable}. */
export function createTable(fields: Omit<CreateTable, 'kind'>): CreateTable {
  return build('createTable', fields);
}
