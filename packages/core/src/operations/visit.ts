import type { Operation, OperationKind, OperationOf } from './operation.js';

/**
 * An exhaustive visitor: one handler per operation kind. Because it is a full Record over the kinds,
 * a new kind fails to compile until every visitor in the code base handles it.
 */
export type Visitor<R, C = void> = { readonly [K in OperationKind]: (op: OperationOf<K>, ctx: C) => R };

/** Dispatches an operation to its handler. */
export function visit<R, C = void>(op: Operation, visitor: Visitor<R, C>, ctx: C): R {
  const handler = visitor[op.kind] as (op: Operation, ctx: C) => R;
  return handler(op, ctx);
}
