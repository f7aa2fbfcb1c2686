/** Thrown when a database holds something introspection cannot carry faithfully; names the object. */
export class SchemaIntrospectionError extends Error {
  override readonly name = 'SchemaIntrospectionError';
}
