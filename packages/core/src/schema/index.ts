/** The neutral schema snapshot: model, normalisation, PostgreSQL introspection, baseline SQL, comparison. */
export type * from './model.js';
export type { Queryable } from './queryable.js';
export { normalizeSchema } from './normalize.js';
export { introspectSchema, type IntrospectSchemaOptions } from './introspect.js';
export { SchemaIntrospectionError } from './introspect-error.js';
export { schemaToSql } from './to-sql.js';
export { indexOperation, modelTableName } from './operations.js';
export { compareSchemas, formatDifferences, type SchemaDifference } from './compare.js';
export { classifyDefault } from './defaults.js';
export { canonicalTypeName, normalizeType, typeSql } from './types.js';
export { serialSequenceName } from './sequence-name.js';
export { beforeTables, inScriptOrder } from './extra-kinds.js';
