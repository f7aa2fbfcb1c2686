/**
 * The neutral schema snapshot: what a database schema is, independent of the ORM that describes it.
 * Every ORM reader produces one and every ORM writer consumes one, so translating between ORMs is
 * read(A) → SchemaModel → write(B). Plain data (survives JSON round trips), sorted canonically by
 * {@link normalizeSchema} so two snapshots compare with deep equality.
 *
 * Types keep their native PostgreSQL spelling (`ColumnType` from the operation model: canonical name,
 * modifiers, array dimensions), so `varchar(50)`, `numeric(10,2)`, `timestamptz(3)` and `jsonb` survive
 * every hop; an ORM writer that cannot spell a type natively reports it, never widens it silently.
 */
import type { ColumnType, IndexElement, ReferentialAction } from '../operations/common.js';

/** A column. */
export interface ColumnModel {
  readonly name: string;
  /** The native type. Serial columns are their integer type with `default.kind = 'sequence'`. */
  readonly type: ColumnType;
  readonly nullable: boolean;
  readonly default?: DefaultModel;
  readonly identity?: 'always' | 'by default';
  /** GENERATED ALWAYS AS (expr) STORED: the expression as SQL text. */
  readonly generated?: string;
  /** COLLATE, when it is not the type's default: the collation name, unquoted. */
  readonly collation?: string;
  readonly comment?: string;
}

/**
 * A column default, classified so ORM writers can use their own idiom (`@default(now())`,
 * `.defaultNow()`, `CURRENT_TIMESTAMP`) and fall back to the SQL text otherwise.
 */
export type DefaultModel =
  /** A constant: `sql` is the literal as PostgreSQL prints it (`'new'::text`, `0`, `true`). */
  | { readonly kind: 'literal'; readonly sql: string; readonly value: string | number | boolean | null }
  /** nextval() of a sequence the column owns (serial, bigserial, smallserial). */
  | { readonly kind: 'sequence'; readonly sequence: string }
  /** now() / CURRENT_TIMESTAMP. */
  | { readonly kind: 'now'; readonly sql: string }
  /** gen_random_uuid() (or uuid_generate_v4()). */
  | { readonly kind: 'uuid'; readonly sql: string }
  /** Any other expression, as SQL text. */
  | { readonly kind: 'expression'; readonly sql: string };

/** PRIMARY KEY. */
export interface PrimaryKeyModel {
  readonly name: string;
  readonly columns: readonly string[];
}

/** UNIQUE constraint (not a bare unique index: those are {@link IndexModel} with `unique`). */
export interface UniqueModel {
  readonly name: string;
  readonly columns: readonly string[];
  readonly nullsNotDistinct?: boolean;
}

/** FOREIGN KEY. */
export interface ForeignKeyModel {
  readonly name: string;
  readonly columns: readonly string[];
  readonly target: { readonly schema: string; readonly table: string; readonly columns: readonly string[] };
  readonly onDelete: ReferentialAction;
  readonly onUpdate: ReferentialAction;
  readonly deferrable?: 'immediate' | 'deferred';
}

/** CHECK constraint. */
export interface CheckModel {
  readonly name: string;
  /** The expression as PostgreSQL prints it (pg_get_constraintdef without CHECK and the outer parentheses). */
  readonly expr: string;
}

/** An index that does not back a constraint: composite, descending, partial, expression, any method. */
export interface IndexModel {
  readonly name: string;
  readonly unique: boolean;
  /** btree, hash, gin, gist, brin, spgist. */
  readonly method: string;
  readonly elements: readonly IndexElement[];
  /** Partial index predicate (the WHERE clause body). */
  readonly where?: string;
  /** INCLUDE columns. */
  readonly include?: readonly string[];
  readonly nullsNotDistinct?: boolean;
}

/** A table. */
export interface TableModel {
  readonly schema: string;
  readonly name: string;
  readonly columns: readonly ColumnModel[];
  readonly primaryKey?: PrimaryKeyModel;
  readonly uniques: readonly UniqueModel[];
  readonly foreignKeys: readonly ForeignKeyModel[];
  readonly checks: readonly CheckModel[];
  readonly indexes: readonly IndexModel[];
  readonly comment?: string;
}

/** An enum type. */
export interface EnumModel {
  readonly schema: string;
  readonly name: string;
  readonly values: readonly string[];
}

/** What a reader found but the model does not describe (view, function, trigger…): carried as SQL, reported. */
export interface ExtraModel {
  readonly kind: string;
  readonly name: string;
  readonly sql: string;
  /** The schema the object lives in, when it has one (so a writer can create the schema first). */
  readonly schema?: string;
}

/** A whole schema snapshot. */
export interface SchemaModel {
  readonly tables: readonly TableModel[];
  readonly enums: readonly EnumModel[];
  /** Objects outside the model, kept verbatim so writers can emit them as raw SQL with a warning. */
  readonly extras: readonly ExtraModel[];
}

/** A fact a reader or writer could not express in its target, named so the user sees it (never dropped silently). */
export interface SchemaWarning {
  /** e.g. "users.email_lower_idx". */
  readonly object: string;
  readonly message: string;
  /** SQL that carries what the target cannot express, for the target's migrations. */
  readonly rawSql?: string;
  /**
   * When `rawSql` runs relative to the ORM's own statements: `before` them (a schema, a type or function
   * the tables use), or after them (the default: what needs the tables).
   */
  readonly phase?: 'before' | 'after';
}
