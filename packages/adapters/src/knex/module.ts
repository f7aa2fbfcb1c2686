/** Loads one knex migration file and checks it has the shape knex requires. */
import type { Knex } from 'knex';
import { importMigrationFile } from '../code/load-module.js';

/** A knex migration module: `up`, `down`, and optionally `config.transaction`. */
export interface KnexMigrationModule {
  up(knex: Knex): unknown;
  down(knex: Knex): unknown;
  readonly config?: { readonly transaction?: unknown };
}

/** Loads `file` as knex does (require for CommonJS, import for ESM; TypeScript through tsx). */
export async function loadKnexMigration(file: string, name: string): Promise<KnexMigrationModule> {
  const mod = await importMigrationFile(file);
  if (typeof mod.up !== 'function' || typeof mod.down !== 'function') {
    // knex's own wording (Migrator#_validateMigrationStructure), plus where the file is
    throw new Error(`Invalid migration: ${name} must have both an up and down function (${file})`);
  }
  return mod as unknown as KnexMigrationModule;
}

/** Whether knex runs this migration in a transaction: its own `config.transaction` wins over the project default. */
export function knexUsesTransaction(mod: KnexMigrationModule, disableTransactions = false): boolean {
  const own = mod.config?.transaction;
  return typeof own === 'boolean' ? own : !disableTransactions;
}
