import type { ColumnType } from '../../operations/common.js';
import { as, deparse, list, memoProven, selectTarget, sql, str, verified, type Body } from './ast.js';

/** A type name as SQL text, proven by casting to it: the parser reads the same TypeName back. */
function typeSql(body: Body): string {
  return memoProven('type', body, () => {
    const text = deparse({ TypeName: body });
    return verified(text, `SELECT NULL::${text}`, (s) => as(selectTarget(s), 'TypeCast')?.typeName, body);
  });
}

/** Converts a parser TypeName into the model's ColumnType. */
export function columnType(typeName: unknown): ColumnType {
  const body = (as(typeName, 'TypeName') ?? typeName) as Body;
  const parts = list(body, 'names').map(str);
  const name = parts[parts.length - 1] ?? '';
  const schema = parts.length > 1 ? parts[parts.length - 2] : undefined;
  const modifiers = list(body, 'typmods').map((m) => sql(m));
  const arrayDims = list(body, 'arrayBounds').length;
  return {
    name,
    ...(schema ? { schema } : {}),
    modifiers,
    arrayDims,
    sql: typeSql(body),
  };
}
