import { build, type OperationBase, type ColumnDef, type QualifiedName } from './common.js';

/** ALTER TABLE ... ADD COLUMN. */
export interface AddColumn extends OperationBase {
  readonly kind: 'addColumn';
  readonly table: QualifiedName;
  readonly column: ColumnDef;
  readonly ifNotExists: boolean;
}

/** Builds a frozen {@link AddColumn}. */
export function addColumn(fields: Omit<AddColumn, 'kind'>): AddColumn {
  return build('addColumn', fields);
}
