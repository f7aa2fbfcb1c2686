import { build, type OperationBase, type QualifiedName } from './common.js';

/** ALTER TABLE ... ADD [CONSTRAINT name] PRIMARY KEY (...) or PRIMARY KEY USING INDEX. */
export interface AddPrimaryKey extends OperationBase {
  readonly kind: 'addPrimaryKey';
  readonly table: QualifiedName;
  readonly name?: string;
  /** Empty when usingIndex is set. */
  readonly columns: readonly string[];
  readonly usingIndex?: string;
}

/** Builds a frozen {@link AddPrimaryKey}. */
export function addPrimaryKey(fields: Omit<AddPrimaryKey, 'kind'>): AddPrimaryKey {
  return build('addPrimaryKey', fields);
}
