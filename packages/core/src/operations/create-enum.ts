import { build, type OperationBase, type QualifiedName } from './common.js';

/** CREATE TYPE ... AS ENUM (...). */
export interface CreateEnum extends OperationBase {
  readonly kind: 'createEnum';
  readonly type: QualifiedName;
  readonly values: readonly string[];
}

/** Builds a frozen {@link CreateEnum}. */
export function createEnum(fields: Omit<CreateEnum, 'kind'>): CreateEnum {
  return build('createEnum', fields);
}
