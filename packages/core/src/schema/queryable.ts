/** What reading a schema needs of a connection: pg's Client and PGlite both have it. */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
}
