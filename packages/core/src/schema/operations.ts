/**
 * Pieces of a {@link SchemaModel} as operations of the neutral operation model, for every writer that
 * needs exact SQL (the baseline, and each ORM writer's raw SQL for what its ORM cannot say): compiled by
 * `compilePostgres`, so the text is the verified, fully quoted form.
 */
import { createIndex, type CreateIndex } from '../operations/create-index.js';
import type { QualifiedName } from '../operations/common.js';
import type { IndexModel, TableModel } from './model.js';

/**
 * The table's name as operations take it; `bare` leaves `public` out (`users`, not `public.users`), as a
 * migration run on the default search_path writes it.
 */
export const modelTableName = (t: { readonly schema: string; readonly name: string }, bare = false): QualifiedName =>
  bare && t.schema === 'public' ? { name: t.name } : { schema: t.schema, name: t.name };

/** CREATE INDEX of an index of the model (never CONCURRENTLY: a baseline runs on a new database). */
export function indexOperation(t: TableModel, i: IndexModel, bare = false): CreateIndex {
  return createIndex({
    name: i.name,
    table: modelTableName(t, bare),
    unique: i.unique,
    concurrently: false,
    ifNotExists: false,
    ...(i.method !== 'btree' ? { method: i.method } : {}),
    elements: i.elements,
    ...(i.include?.length ? { include: i.include } : {}),
    ...(i.where !== undefined ? { where: i.where } : {}),
    ...(i.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
  });
}
