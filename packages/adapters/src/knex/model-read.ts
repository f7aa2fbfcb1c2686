/**
 * A knex project's schema as the neutral SchemaModel. knex has no schema source, only migrations, so the
 * schema is what they leave in a database: the catalogs of a database migrated by the project's
 * migrations, read by core's introspection, without knex's own ledger tables.
 */
import { introspectSchema, normalizeSchema, type Queryable, type SchemaModel } from '@dbm/core';

/** Options of {@link readKnexModel}. */
export interface ReadKnexModelOptions {
  /** The schemas to read (default: every user schema). */
  readonly schemas?: readonly string[];
  /** knex's ledger table (`migrations.tableName`, default knex_migrations); its `_lock` table goes too. */
  readonly ledgerTable?: string;
  /** The ledger's schema (`migrations.schemaName`), default public. */
  readonly ledgerSchema?: string;
}

/** Reads the schema of `db`, a database the knex project's migrations have been run on (one session), normalised. */
export async function readKnexModel(db: Queryable, options: ReadKnexModelOptions = {}): Promise<SchemaModel> {
  const table = options.ledgerTable ?? 'knex_migrations';
  const schema = options.ledgerSchema ?? 'public';
  const model = await introspectSchema(db, {
    ...(options.schemas ? { schemas: options.schemas } : {}),
    exclude: [`${schema}.${table}`, `${schema}.${table}_lock`],
  });
  return normalizeSchema(model);
}
