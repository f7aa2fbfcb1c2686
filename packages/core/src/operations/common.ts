/**
 * Shared building blocks of the neutral operation model. Everything here is plain data so that
 * operations survive JSON.stringify / JSON.parse unchanged.
 */

/** A possibly schema-qualified object name, unquoted (case as the database stores it). */
export interface QualifiedName {
  readonly schema?: string;
  readonly name: string;
}

/** Where an operation came from in its source file (1-based line and column). */
export interface SourceLocation {
  /** Character offset of the statement's first token. */
  readonly offset: number;
  /** Length in characters of the statement text, without the trailing semicolon. */
  readonly length: number;
  readonly line: number;
  readonly column: number;
}

/**
 * A column type. `name` is the canonical lower-case type name as the parser resolves it
 * (`int4`, `varchar`, `timestamptz`, `serial`), `sql` the text to write back.
 */
export interface ColumnType {
  readonly name: string;
  readonly schema?: string;
  /** Type modifiers as SQL text, e.g. ["255"] for varchar(255), ["10", "2"] for numeric(10,2). */
  readonly modifiers: readonly string[];
  /** Number of array dimensions (0 for a scalar). */
  readonly arrayDims: number;
  readonly sql: string;
}

/** Referential action of a foreign key. */
export type ReferentialAction = 'no action' | 'restrict' | 'cascade' | 'set null' | 'set default';

/** The target of a foreign key, shared by inline REFERENCES and table-level FOREIGN KEY. */
export interface ForeignKeyTarget {
  readonly table: QualifiedName;
  /** Empty when the statement relies on the referenced table's primary key. */
  readonly columns: readonly string[];
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  readonly match?: 'full' | 'partial';
  readonly deferrable?: 'immediate' | 'deferred';
}

/** A constraint written inline on a column definition. */
export type InlineConstraint =
  | { readonly type: 'primaryKey'; readonly name?: string }
  | { readonly type: 'unique'; readonly name?: string; readonly nullsNotDistinct?: boolean }
  | { readonly type: 'check'; readonly name?: string; readonly expr: string; readonly notValid?: boolean; readonly noInherit?: boolean }
  | { readonly type: 'references'; readonly name?: string; readonly target: ForeignKeyTarget; readonly notValid?: boolean };

/** A column as written in CREATE TABLE or ADD COLUMN. */
export interface ColumnDef {
  readonly name: string;
  readonly type: ColumnType;
  readonly notNull: boolean;
  /**
   * Default expression as SQL text, written so it can follow DEFAULT in a column definition: PostgreSQL
   * accepts only simple expressions there, so others come parenthesised (`(now() AT TIME ZONE 'utc')`).
   */
  readonly default?: string;
  readonly identity?: 'always' | 'by default';
  /** Sequence options of an identity column as SQL text, e.g. `START WITH 100 INCREMENT BY 10`. */
  readonly identityOptions?: string;
  /** GENERATED ALWAYS AS (expr) STORED: the expression as SQL text. */
  readonly generated?: string;
  /** COLLATE clause as SQL text, each part of the name quoted: `"C"`, `"pg_catalog"."default"`. */
  readonly collation?: string;
  readonly constraints: readonly InlineConstraint[];
}

/** A table-level constraint inside CREATE TABLE. */
export type TableConstraint =
  | { readonly type: 'primaryKey'; readonly name?: string; readonly columns: readonly string[] }
  | { readonly type: 'unique'; readonly name?: string; readonly columns: readonly string[]; readonly nullsNotDistinct?: boolean }
  | { readonly type: 'check'; readonly name?: string; readonly expr: string; readonly noInherit?: boolean }
  | { readonly type: 'foreignKey'; readonly name?: string; readonly columns: readonly string[]; readonly target: ForeignKeyTarget };

/** One key of an index: a column or an expression, with its ordering. */
export interface IndexElement {
  /** Column name, or the expression's SQL text when `expression` is true. */
  readonly value: string;
  readonly expression: boolean;
  readonly order?: 'asc' | 'desc';
  readonly nulls?: 'first' | 'last';
  /** Operator class name; a schema-qualified one as `schema.name`. */
  readonly opclass?: string;
  /** COLLATE clause as SQL text, each part of the name quoted (as {@link ColumnDef.collation}). */
  readonly collation?: string;
}

/** Fields every operation carries besides its own. */
export interface OperationBase {
  /** Where the statement that produced this operation sits in its file; absent for synthesised ones. */
  readonly loc?: SourceLocation;
}

/** Freezes a plain operation object; factories use it so operations are immutable values. */
export function freeze<T extends object>(value: T): T {
  return Object.freeze(value);
}

/**
 * Builds a frozen operation of `kind` from its fields. `kind` comes first (readable JSON) and is set
 * again after the fields, so a stray `kind` in them (`addCheck({ ...otherOp, expr })`) cannot win.
 */
export function build<K extends string, F extends object>(kind: K, fields: F): { readonly kind: K } & F {
  return freeze(Object.assign({ kind }, fields, { kind }));
}
