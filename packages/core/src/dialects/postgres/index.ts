/** The PostgreSQL dialect: parse, compile, locks. */
export * from './parse.js';
export * from './compile.js';
export * from './locks.js';
export * from './quote.js';
export { columnType } from './types.js';
export { parsePostgresLarge, PARALLEL_THRESHOLD } from './parse-large.js';
