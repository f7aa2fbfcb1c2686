import { build, type OperationBase, type ForeignKeyTarget, type QualifiedName } from './common.js';

/** ALTER TABLE ... ADD [CONSTRAINT name] FOREIGN KEY ... REFERENCES. */
export interface AddForeignKey extends OperationBase {
  readonly kind: 'addForeignKey';
  readonly table: QualifiedName;
  readonly name?: string;
  readonly columns: readonly string[];
  readonly target: ForeignKeyTarget;
  readonly notValid: boolean;
}

/** Builds a frozen {@link AddForeignKey}. */
export function addForeignKey(fields: Omit<AddForeignKey, 'kind'>): AddForeignKey {
  return build('addForeignKey', fields);
}
