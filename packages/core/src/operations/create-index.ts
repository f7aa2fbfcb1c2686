import { build, type OperationBase, type IndexElement, type QualifiedName } from './common.js';

/** CREATE [UNIQUE] INDEX [CONCURRENTLY]. */
export interface CreateIndex extends OperationBase {
  readonly kind: 'createIndex';
  /** Absent when the server chooses the name. */
  readonly name?: string;
  readonly table: QualifiedName;
  readonly unique: boolean;
  readonly concurrently: boolean;
  readonly ifNotExists: boolean;
  /** Access method when not btree (gin, gist, hash, brin, ...). */
  readonly method?: string;
  readonly elements: readonly IndexElement[];
  readonly include?: readonly string[];
  /** Partial index predicate as SQL text. */
  readonly where?: string;
  readonly nullsNotDistinct?: boolean;
  /** ON ONLY: the index is created on the partitioned parent alone. */
  readonly only?: boolean;
}

/** Builds a frozen {@link CreateIndex}. */
export function createIndex(fields: Omit<CreateIndex, 'kind'>): CreateIndex {
  return build('createIndex', fields);
}
