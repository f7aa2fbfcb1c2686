import { build, type OperationBase, type QualifiedName } from './common.js';

/** DROP INDEX of one index (a multi-index DROP becomes one operation per index). */
export interface DropIndex extends OperationBase {
  readonly kind: 'dropIndex';
  readonly index: QualifiedName;
  readonly concurrently: boolean;
  readonly ifExists: boolean;
  readonly cascade: boolean;
}

/** Builds a frozen {@link DropIndex}. */
export function dropIndex(fields: Omit<DropIndex, 'kind'>): DropIndex {
  return build('dropIndex', fields);
}
