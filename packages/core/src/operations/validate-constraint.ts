import { build, type OperationBase, type QualifiedName } from './common.js';

/** ALTER TABLE ... VALIDATE CONSTRAINT. */
export interface ValidateConstraint extends OperationBase {
  readonly kind: 'validateConstraint';
  readonly table: QualifiedName;
  readonly name: string;
}

/** Builds a frozen {@link ValidateConstraint}. */
export function validateConstraint(fields: Omit<ValidateConstraint, 'kind'>): ValidateConstraint {
  return build('validateConstraint', fields);
}
