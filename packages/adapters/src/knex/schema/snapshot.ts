/**
 * A database schema as the catalogs describe it, in SQL text the server wrote itself (format_type,
 * pg_get_expr, pg_get_constraintdef, pg_get_indexdef), so two snapshots from the same server version
 * compare as text. Plain data: what --from-schema diffs.
 */

/** A column. */
export interface ColumnSnapshot {
  readonly name: string;
  /** format_type(), with a COLLATE clause when the column's collation is not its type's. */
  readonly type: string;
  readonly notNull: boolean;
  /** pg_get_expr() of the default; absent for serial, identity and generated columns. */
  readonly default?: string;
  /** serial, bigserial or smallserial: the default is nextval() of a sequence the column owns. */
  readonly serial?: string;
  readonly identity?: 'always' | 'by default';
  /** The expression of a stored generated column. */
  readonly generated?: string;
}

/** A constraint other than NOT NULL. */
export interface ConstraintSnapshot {
  readonly name: string;
  /** p primary key, u unique, c check, f foreign key, x exclusion. */
  readonly type: 'p' | 'u' | 'c' | 'f' | 'x';
  /** pg_get_constraintdef() without a trailing NOT VALID. */
  readonly def: string;
  readonly validated: boolean;
  /** For a foreign key: the referenced table's key (schema.name). */
  readonly references?: string;
}

/** An index that does not back a constraint. */
export interface IndexSnapshot {
  readonly name: string;
  /** pg_get_indexdef(): the whole CREATE INDEX statement. */
  readonly def: string;
}

/** A table. */
export interface TableSnapshot {
  readonly schema: string;
  readonly name: string;
  readonly columns: readonly ColumnSnapshot[];
  readonly constraints: readonly ConstraintSnapshot[];
  readonly indexes: readonly IndexSnapshot[];
}

/** An enum type. */
export interface EnumSnapshot {
  readonly schema: string;
  readonly name: string;
  readonly values: readonly string[];
}

/** An object --from-schema does not diff (view, function, trigger, domain, sequence…), by kind and name. */
export interface OtherSnapshot {
  readonly kind: string;
  readonly name: string;
  readonly def: string;
}

/** Everything in the schemas compared. */
export interface SchemaSnapshot {
  readonly schemas: readonly string[];
  readonly tables: readonly TableSnapshot[];
  readonly enums: readonly EnumSnapshot[];
  readonly others: readonly OtherSnapshot[];
}

/** `schema.name`, the key of a table or type. */
export const keyOf = (o: { readonly schema: string; readonly name: string }): string => `${o.schema}.${o.name}`;
