import { build, type OperationBase, type QualifiedName } from './common.js';

/** ALTER TABLE ... ADD [CONSTRAINT name] UNIQUE (...) or UNIQUE USING INDEX. */
export interface AddUnique extends OperationBase {
  readonly kind: 'addUnique';
  readonly table: QualifiedName;
  readonly name?: string;
  /** Empty when usingIndex is set. */
  readonly columns: readonly string[];
  readonly usingIndex?: string;
  readonly nullsNotDistinct?: boolean;
  readonly deferrable?: 'immediate' | 'deferred';
}

/** Builds a frozen {@link AddUnique}. */
export function addUnique(fields: Omit<AddUnique, 'kind'>): AddUnique {
  return build('addUnique', fields);
}
