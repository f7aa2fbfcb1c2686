/**
 * The neutral operation model: every migration statement dbm reads becomes one or more of these.
 * Adding a kind here makes every exhaustive visitor fail to compile until it handles the kind.
 */
import type { AddCheck } from './add-check.js';
import type { AddColumn } from './add-column.js';
import type { AddEnumValue } from './add-enum-value.js';
import type { AddForeignKey } from './add-foreign-key.js';
import type { AddPrimaryKey } from './add-primary-key.js';
import type { AddUnique } from './add-unique.js';
import type { AlterColumnType } from './alter-column-type.js';
import type { CreateEnum } from './create-enum.js';
import type { CreateIndex } from './create-index.js';
import type { CreateTable } from './create-table.js';
import type { DropColumn } from './drop-column.js';
import type { DropConstraint } from './drop-constraint.js';
import type { DropDefault } from './drop-default.js';
import type { DropIndex } from './drop-index.js';
import type { DropNotNull } from './drop-not-null.js';
import type { DropTable } from './drop-table.js';
import type { Raw } from './raw.js';
import type { RenameColumn } from './rename-column.js';
import type { RenameTable } from './rename-table.js';
import type { SetDefault } from './set-default.js';
import type { SetNotNull } from './set-not-null.js';
import type { Setting } from './setting.js';
import type { Transaction } from './transaction.js';
import type { ValidateConstraint } from './validate-constraint.js';

/** Any operation. Discriminated by `kind`. */
export type Operation =
  | AddCheck
  | AddColumn
  | AddEnumValue
  | AddForeignKey
  | AddPrimaryKey
  | AddUnique
  | AlterColumnType
  | CreateEnum
  | CreateIndex
  | CreateTable
  | DropColumn
  | DropConstraint
  | DropDefault
  | DropIndex
  | DropNotNull
  | DropTable
  | Raw
  | RenameColumn
  | RenameTable
  | SetDefault
  | SetNotNull
  | Setting
  | Transaction
  | ValidateConstraint;

/** The literal kinds of {@link Operation}. */
export type OperationKind = Operation['kind'];

/** The operation of one kind. */
export type OperationOf<K extends OperationKind> = Extract<Operation, { kind: K }>;

/**
 * One entry per kind. A Record over the union, so the compiler rejects a kind missing from it or one
 * the union does not have: {@link OPERATION_KINDS} cannot drift from {@link Operation}.
 */
const KINDS: { readonly [K in OperationKind]: true } = {
  addCheck: true,
  addColumn: true,
  addEnumValue: true,
  addForeignKey: true,
  addPrimaryKey: true,
  addUnique: true,
  alterColumnType: true,
  createEnum: true,
  createIndex: true,
  createTable: true,
  dropColumn: true,
  dropConstraint: true,
  dropDefault: true,
  dropIndex: true,
  dropNotNull: true,
  dropTable: true,
  raw: true,
  renameColumn: true,
  renameTable: true,
  setDefault: true,
  setNotNull: true,
  setting: true,
  transaction: true,
  validateConstraint: true,
};

/** Every kind, in a stable order (for docs, tests and exhaustive tables). */
export const OPERATION_KINDS: readonly OperationKind[] = Object.freeze(Object.keys(KINDS) as OperationKind[]);
