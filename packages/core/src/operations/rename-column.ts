import { build, type OperationBase, type QualifiedName } from './common.js';

/** ALTER TABLE ... RENAME COLUMN ... TO. */
export interface RenameColumn extends OperationBase {
  readonly kind: 'renameColumn';
  readonly table: QualifiedName;
  readonly column: string;
  readonly to: string;
}

/** Builds a frozen {@link RenameColumn}. */
export function renameColumn(fields: Omit<RenameColumn, 'kind'>): RenameColumn {
  return build('renameColumn', fields);
}
