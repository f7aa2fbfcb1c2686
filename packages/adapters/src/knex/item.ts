/** The pieces a knex migration body is made of, and what translating one operation needs to know. */
import type { QualifiedName } from '@dbm/core';

/**
 * `columns`: column definitions (knex adds them before anything else in an alterTable callback);
 * `keys`: indexes and constraints (may join the createTable of their table); `other`: drops, renames…
 */
export type LineGroup = 'columns' | 'keys' | 'other';

/** A piece of a migration body: builder lines for one table, or one statement. */
export type Item =
  | {
      readonly kind: 'table';
      readonly method: 'createTable' | 'createTableIfNotExists' | 'alterTable';
      readonly table: QualifiedName;
      readonly lines: string[];
      readonly group: LineGroup;
    }
  | { readonly kind: 'statement'; readonly code: string };

/** Which knex method drops a constraint of each kind. */
export type ConstraintKind = 'foreign' | 'unique' | 'primary' | 'check';

/** What the translation knows beyond one operation. */
export interface BuildContext {
  /** The kind of each constraint this migration adds, by `schema.table.name`, to drop it with knex's own method. */
  readonly constraints: ReadonlyMap<string, ConstraintKind>;
}

/** The key of a constraint in {@link BuildContext.constraints}. */
export const constraintKey = (table: QualifiedName, name: string): string => `${table.schema ?? ''}.${table.name}.${name}`;
