import { build, type OperationBase, type QualifiedName } from './common.js';

/** ALTER TABLE ... RENAME TO. */
export interface RenameTable extends OperationBase {
  readonly kind: 'renameTable';
  readonly table: QualifiedName;
  readonly to: string;
  readonly ifExists: boolean;
}

/** Builds a frozen {@link RenameTable}. */
export function renameTable(fields: Omit<RenameTable, 'kind'>): RenameTable {
  return build('renameTable', fields);
}
