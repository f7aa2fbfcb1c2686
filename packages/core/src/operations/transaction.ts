import { build, type OperationBase } from './common.js';

/** Transaction control: BEGIN / START TRANSACTION, COMMIT / END, ROLLBACK. */
export interface Transaction extends OperationBase {
  readonly kind: 'transaction';
  readonly action: 'begin' | 'commit' | 'rollback';
}

/** Builds a frozen {@link Transaction}. */
export function transaction(fields: Omit<Transaction, 'kind'>): Transaction {
  return build('transaction', fields);
}
