import { build, type OperationBase, type QualifiedName } from './common.js';

/** ALTER TYPE ... ADD VALUE [IF NOT EXISTS] ... [BEFORE | AFTER ...]. */
export interface AddEnumValue extends OperationBase {
  readonly kind: 'addEnumValue';
  readonly type: QualifiedName;
  readonly value: string;
  readonly ifNotExists: boolean;
  readonly before?: string;
  readonly after?: string;
}

/** Builds a frozen {@link AddEnumValue}. */
export function addEnumValue(fields: Omit<AddEnumValue, 'kind'>): AddEnumValue {
  return build('addEnumValue', fields);
}
