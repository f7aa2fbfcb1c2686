import { build, type OperationBase } from './common.js';

/** SET / SET LOCAL / RESET of a run-time parameter (lock_timeout, statement_timeout, ...). */
export interface Setting extends OperationBase {
  readonly kind: 'setting';
  /** Parameter name, lower case. */
  readonly name: string;
  /** The value as SQL text; undefined for RESET or SET ... TO DEFAULT. */
  readonly value?: string;
  readonly local: boolean;
}

/** Builds a frozen {@link Setting}. */
export function setting(fields: Omit<Setting, 'kind'>): Setting {
  return build('setting', fields);
}
