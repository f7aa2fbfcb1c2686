import { build, type OperationBase, type QualifiedName } from './common.js';

/** ALTER TABLE ... ALTER COLUMN ... SET DEFAULT. */
export interface SetDefault extends OperationBase {
  readonly kind: 'setDefault';
  readonly table: QualifiedName;
  readonly column: string;
  /** The default expression as SQL text. */
  readonly expr: string;
}

/** Builds a frozen {@link SetDefault}. */
export function setDefault(fields: Omit<SetDefault, 'kind'>): SetDefault {
  return build('setDefault', fields);
}
