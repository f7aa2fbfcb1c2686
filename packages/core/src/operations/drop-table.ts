import { build, type OperationBase, type QualifiedName } from './common.js';

/** DROP TABLE of one table (a multi-table DROP becomes one operation per table). */
export interface DropTable extends OperationBase {
  readonly kind: 'dropTable';
  readonly table: QualifiedName;
  readonly ifExists: boolean;
  readonly cascade: boolean;
}

/** Builds a frozen {@link DropTable}. */
export function dropTable(fields: Omit<DropTable, 'kind'>): DropTable {
  return build('dropTable', fields);
}
