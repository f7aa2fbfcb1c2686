import { build, type OperationBase, type QualifiedName } from './common.js';

/** ALTER TABLE ... ALTER COLUMN ... DROP DEFAULT. */
export interface DropDefault extends OperationBase {
  readonly kind: 'dropDefault';
  readonly table: QualifiedName;
  readonly column: string;
}

/** Builds a frozen {@link DropDefault}. */
export function dropDefault(fields: Omit<DropDefault, 'kind'>): DropDefault {
  return build('dropDefault', fields);
}
