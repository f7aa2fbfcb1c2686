import { build, type OperationBase, type ColumnType, type QualifiedName } from './common.js';

/** ALTER TABLE ... ALTER COLUMN ... TYPE. */
export interface AlterColumnType extends OperationBase {
  readonly kind: 'alterColumnType';
  readonly table: QualifiedName;
  readonly column: string;
  readonly type: ColumnType;
  /** USING expression as SQL text. */
  readonly using?: string;
  /** COLLATE clause as SQL text, each part of the name quoted (as ColumnDef.collation). */
  readonly collation?: string;
}

/** Builds a frozen {@link AlterColumnType}. */
export function alterColumnType(fields: Omit<AlterColumnType, 'kind'>): AlterColumnType {
  return build('alterColumnType', fields);
}
