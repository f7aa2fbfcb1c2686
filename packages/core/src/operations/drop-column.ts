import { build, type OperationBase, type QualifiedName } from './common.js';

/** ALTER TABLE ... DROP COLUMN. */
export interface DropColumn extends OperationBase {
  readonly kind: 'dropColumn';
  readonly table: QualifiedName;
  readonly column: string;
  readonly ifExists: boolean;
  readonly cascade: boolean;
}

/** Builds a frozen {@link DropColumn}. */
export function dropColumn(fields: Omit<DropColumn, 'kind'>): DropColumn {
  return build('dropColumn', fields);
}
