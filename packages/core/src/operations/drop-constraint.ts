import { build, type OperationBase, type QualifiedName } from './common.js';

/** ALTER TABLE ... DROP CONSTRAINT. */
export interface DropConstraint extends OperationBase {
  readonly kind: 'dropConstraint';
  readonly table: QualifiedName;
  readonly name: string;
  readonly ifExists: boolean;
  readonly cascade: boolean;
}

/** Builds a frozen {@link DropConstraint}. */
export function dropConstraint(fields: Omit<DropConstraint, 'kind'>): DropConstraint {
  return build('dropConstraint', fields);
}
