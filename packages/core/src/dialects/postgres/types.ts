import type { ColumnType } from '../../operations/common.js';
import { as, list, sql, str, type Body } from './ast.js';

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
    sql: sql({ TypeName: body }),
  };
}
