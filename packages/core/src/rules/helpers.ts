/** Small helpers rules share. */
import { compilePostgres } from '../dialects/postgres/compile.js';
import type { QualifiedName } from '../operations/common.js';
import type { Operation, OperationKind, OperationOf } from '../operations/operation.js';
import type { FileContext, OpContext } from './context.js';

/** The operations of one kind, with their context. Linear. */
export function opsOf<K extends OperationKind>(file: FileContext, kind: K): (OpContext & { op: OperationOf<K> })[] {
  return file.ops.filter((c): c is OpContext & { op: OperationOf<K> } => c.op.kind === kind);
}

/** Whether the operation touches a table that existed before this file (so others may be using it). */
export function onExistingTable(file: FileContext, ctx: OpContext, table: QualifiedName): boolean {
  return !file.isNewTable(table, ctx.index);
}

/** SQL of an operation, as dbm writes it (quoted identifiers). */
export function sqlOf(op: Operation): string {
  return compilePostgres(op);
}

/** A table name for messages: `schema.name` or `name`. */
export function show(t: QualifiedName): string {
  return t.schema ? `${t.schema}.${t.name}` : t.name;
}
