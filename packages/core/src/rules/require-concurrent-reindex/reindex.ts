/** Reading REINDEX statements (kept as raw operations) and parenthesised utility options. */
import { as, list, rangeVar, type Body } from '../../dialects/postgres/ast.js';
import type { QualifiedName } from '../../operations/common.js';
import type { Operation } from '../../operations/operation.js';

/** Whether a `(name [value])` option is switched on: bare, or true / on / 1 (not false / off / 0). */
export function optionOn(options: unknown[], name: string): boolean {
  return options.some((node) => {
    const d = as(node, 'DefElem');
    if (d?.defname !== name) return false;
    if (d.arg === undefined) return true;
    // the parser omits false booleans and zero integers
    const bool = as(d.arg, 'Boolean');
    if (bool) return bool.boolval === true;
    const int = as(d.arg, 'Integer');
    if (int) return Number(int.ival ?? 0) !== 0;
    const text = as(d.arg, 'String')?.sval;
    return !['false', 'off', 'no', '0'].includes(String(text ?? '').toLowerCase());
  });
}

/** What a REINDEX statement rebuilds. */
export interface ReindexTarget {
  readonly kind: 'table' | 'index' | 'schema' | 'database' | 'system';
  /** Table or index for kinds table / index. */
  readonly relation?: QualifiedName;
  /** Schema or database name for kinds schema / database / system. */
  readonly name?: string;
  readonly concurrently: boolean;
}

const KINDS: Record<string, ReindexTarget['kind']> = {
  REINDEX_OBJECT_TABLE: 'table',
  REINDEX_OBJECT_INDEX: 'index',
  REINDEX_OBJECT_SCHEMA: 'schema',
  REINDEX_OBJECT_DATABASE: 'database',
  REINDEX_OBJECT_SYSTEM: 'system',
};

/** The target of a raw REINDEX operation, or undefined for any other operation. */
export function reindexTarget(op: Operation): ReindexTarget | undefined {
  if (op.kind !== 'raw' || op.statement !== 'ReindexStmt') return undefined;
  const b = as(op.ast, 'ReindexStmt') as Body | undefined;
  const kind = b && KINDS[String(b.kind)];
  if (!b || !kind) return undefined;
  let relation: QualifiedName | undefined;
  try {
    relation = b.relation ? rangeVar(b.relation) : undefined;
  } catch {
    relation = undefined;
  }
  return {
    kind,
    ...(relation ? { relation } : {}),
    ...(typeof b.name === 'string' ? { name: b.name } : {}),
    concurrently: optionOn(list(b, 'params'), 'concurrently'),
  };
}
