import { build, type OperationBase, type QualifiedName } from './common.js';

/** ALTER TABLE ... ALTER COLUMN ... SET NOT NULL. */
export interface SetNotNull extends OperationBase {
  readonly kind: 'setNotNull';
  readonly table: QualifiedName;
  readonly column: string;
}

/** Builds a frozen {@link SetNotNull}. */
export function setNotNull(fields: Omit<SetNotNull, 'kind'>): SetNotNull {
  return build('setNotNull', fields);
}
