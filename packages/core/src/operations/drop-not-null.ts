import { build, type OperationBase, type QualifiedName } from './common.js';

/** ALTER TABLE ... ALTER COLUMN ... DROP NOT NULL. */
export interface DropNotNull extends OperationBase {
  readonly kind: 'dropNotNull';
  readonly table: QualifiedName;
  readonly column: string;
}

/** Builds a frozen {@link DropNotNull}. */
export function dropNotNull(fields: Omit<DropNotNull, 'kind'>): DropNotNull {
  return build('dropNotNull', fields);
}
