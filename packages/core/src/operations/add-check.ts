import { build, type OperationBase, type QualifiedName } from './common.js';

/** ALTER TABLE ... ADD [CONSTRAINT name] CHECK (...). */
export interface AddCheck extends OperationBase {
  readonly kind: 'addCheck';
  readonly table: QualifiedName;
  readonly name?: string;
  /** The check expression as SQL text. */
  readonly expr: string;
  readonly notValid: boolean;
  readonly noInherit: boolean;
}

/** Builds a frozen {@link AddCheck}. */
export function addCheck(fields: Omit<AddCheck, 'kind'>): AddCheck {
  return build('addCheck', fields);
}
